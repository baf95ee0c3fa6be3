package com.example.garmentclassifier.models;

import com.example.garmentclassifier.training.ConfidenceBins;
import java.util.List;
import java.util.Locale;

/**
 * The report's charts as inline SVG: a confusion-matrix heat map, line charts and a reliability
 * diagram. Drawn here rather than with a charting library because each is a few rectangles and
 * lines, and inline SVG needs no image endpoint, no script and nothing the page's content
 * security policy would block. Every text is escaped.
 */
final class Svg {

    /** One line of a line chart: its name, colour and y value per x (1-based epoch). */
    record Series(String name, String colour, List<Double> values) {
    }

    private Svg() {
    }

    static String heatMap(int[][] matrix, List<String> labels) {
        int cell = 46;
        int left = 110;
        int top = 110;
        int size = left + cell * labels.size() + 10;
        StringBuilder svg = open("confusion-matrix", size, top + cell * labels.size() + 40,
                "Confusion matrix: rows are the true class, columns the predicted class");
        for (int i = 0; i < labels.size(); i++) {
            text(svg, left - 6, top + i * cell + cell / 2 + 4, "end", labels.get(i));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" transform=\"rotate(-45 %d %d)\" "
                            + "font-size=\"12\">%s</text>", left + i * cell + 8, top - 8, left + i * cell + 8, top - 8,
                    escape(labels.get(i))));
        }
        for (int row = 0; row < matrix.length; row++) {
            int total = 0;
            for (int count : matrix[row]) {
                total += count;
            }
            for (int col = 0; col < matrix[row].length; col++) {
                int count = matrix[row][col];
                double share = total == 0 ? 0 : (double) count / total;
                // Row shares: the diagonal is recall; off the diagonal, where a class goes wrong.
                int shade = (int) Math.round(255 * (1 - share));
                String fill = row == col ? String.format("rgb(%d,%d,255)", shade, shade)
                        : String.format("rgb(255,%d,%d)", shade, shade);
                svg.append(String.format(Locale.ROOT, "<rect class=\"cell\" data-row=\"%d\" data-col=\"%d\" "
                                + "data-count=\"%d\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" "
                                + "stroke=\"#fff\"/>", row, col, count, left + col * cell, top + row * cell, cell, cell,
                        fill));
                svg.append(String.format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"%s\">%d</text>",
                        left + col * cell + cell / 2, top + row * cell + cell / 2 + 4, share > 0.5 ? "#fff" : "#000",
                        count));
            }
        }
        text(svg, left + cell * labels.size() / 2, top + cell * labels.size() + 28, "middle", "predicted class");
        return svg.append("</svg>").toString();
    }

    static String lines(String id, String title, String yLabel, List<Series> series, double yMin, double yMax) {
        int width = 560;
        int height = 300;
        int left = 60;
        int right = 150;
        int top = 30;
        int bottom = 40;
        int plotWidth = width - left - right;
        int plotHeight = height - top - bottom;
        int points = series.stream().mapToInt(s -> s.values().size()).max().orElse(0);
        StringBuilder svg = open(id, width, height, title);
        text(svg, left, 18, "start", title);
        axes(svg, left, top, plotWidth, plotHeight);
        for (int t = 0; t <= 4; t++) {
            double value = yMin + (yMax - yMin) * t / 4;
            int y = top + plotHeight - plotHeight * t / 4;
            text(svg, left - 6, y + 4, "end", String.format(Locale.ROOT, "%.3g", value));
        }
        for (int x = 1; x <= points; x++) {
            text(svg, xAt(x, points, left, plotWidth), top + plotHeight + 16, "middle", String.valueOf(x));
        }
        text(svg, left + plotWidth / 2, height - 6, "middle", "epoch");
        text(svg, 14, top + plotHeight / 2, "middle", yLabel);
        int legend = top + 10;
        for (Series s : series) {
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < s.values().size(); i++) {
                double v = Math.max(yMin, Math.min(yMax, s.values().get(i)));
                int y = (int) Math.round(top + plotHeight - plotHeight * (v - yMin) / (yMax - yMin));
                path.append(i == 0 ? "" : " ").append(xAt(i + 1, points, left, plotWidth)).append(',').append(y);
            }
            svg.append(String.format("<polyline class=\"series\" data-name=\"%s\" data-points=\"%d\" points=\"%s\" "
                    + "fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>", escape(s.name()), s.values().size(), path,
                    s.colour()));
            svg.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"4\" fill=\"%s\"/>",
                    left + plotWidth + 12, legend - 4, s.colour()));
            text(svg, left + plotWidth + 30, legend + 1, "start", s.name());
            legend += 18;
        }
        return svg.append("</svg>").toString();
    }

    static String reliability(List<ConfidenceBins.Bin> bins) {
        int width = 420;
        int height = 360;
        int left = 60;
        int top = 20;
        int plot = 300;
        StringBuilder svg = open("reliability", width, height,
                "Reliability diagram: accuracy of the predictions in each confidence bin; the diagonal is perfect calibration");
        axes(svg, left, top, plot, plot);
        svg.append(String.format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\" stroke-dasharray=\"4\"/>",
                left, top + plot, left + plot, top));
        for (ConfidenceBins.Bin bin : bins) {
            if (bin.count() == 0) {
                continue;
            }
            int x = (int) Math.round(left + plot * bin.from());
            int w = Math.max(1, (int) Math.round(plot * (bin.to() - bin.from())) - 1);
            int h = (int) Math.round(plot * bin.accuracy());
            svg.append(String.format(Locale.ROOT, "<rect class=\"bin\" data-count=\"%d\" data-accuracy=\"%.4f\" "
                            + "data-confidence=\"%.4f\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#2f6fed\" "
                            + "fill-opacity=\"0.75\"/>", bin.count(), bin.accuracy(), bin.confidence(), x,
                    top + plot - h, w, h));
        }
        for (int t = 0; t <= 4; t++) {
            String label = String.format(Locale.ROOT, "%.2f", t / 4.0);
            text(svg, left - 6, top + plot - plot * t / 4 + 4, "end", label);
            text(svg, left + plot * t / 4, top + plot + 16, "middle", label);
        }
        text(svg, left + plot / 2, top + plot + 34, "middle", "confidence (top class probability)");
        text(svg, 14, top + plot / 2, "middle", "accuracy");
        return svg.append("</svg>").toString();
    }

    private static int xAt(int x, int points, int left, int plotWidth) {
        return points <= 1 ? left + plotWidth / 2 : left + plotWidth * (x - 1) / (points - 1);
    }

    private static StringBuilder open(String id, int width, int height, String title) {
        return new StringBuilder(String.format("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"%s\" width=\"%d\" "
                + "height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" font-family=\"sans-serif\" font-size=\"11\">"
                + "<title>%s</title>", id, width, height, width, height, escape(title)));
    }

    private static void axes(StringBuilder svg, int left, int top, int width, int height) {
        svg.append(String.format("<path d=\"M%d %d V%d H%d\" fill=\"none\" stroke=\"#333\"/>", left, top, top + height,
                left + width));
    }

    private static void text(StringBuilder svg, int x, int y, String anchor, String value) {
        svg.append(String.format("<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text>", x, y, anchor, escape(value)));
    }

    static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
