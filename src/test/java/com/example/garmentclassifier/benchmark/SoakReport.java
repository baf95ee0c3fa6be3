package com.example.garmentclassifier.benchmark;

import static com.example.garmentclassifier.benchmark.OverloadSoak.format;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The soak's per-minute table and its verdict. */
final class SoakReport {

    /** Near the end of a minute: process RSS, heap in use, live heap after the last GC, process threads. */
    record Sample(long rssMb, double heapMb, double liveHeapMb, int threads) {
    }

    private final StringBuilder md = new StringBuilder();
    private final List<String> problems = new java.util.ArrayList<>();

    SoakReport(List<String> mix, int requestsPerMinute, List<SoakClient> clients, List<Sample> samples,
               double maxRssGrowth, double maxLiveHeapGrowth, int maxThreadGrowth) {
        md.append("# Overload soak\n\n").append(MachineInfo.current()).append("\n\nTraffic (closed loop, ")
                .append(clients.size()).append(" clients; rate limit ").append(requestsPerMinute)
                .append(" requests per minute per API-key client):\n");
        mix.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("\n| minute | requests | 200 | 429 | 503 | other | failed | images/s accepted | accepted p50 / p99 / max ms"
                + " | refused p99 ms | RSS MB | heap used MB | live heap MB | threads |\n"
                + "|--:|--:|--:|--:|--:|--:|--:|--:|--|--:|--:|--:|--:|--:|\n");
        Map<String, Long> failureKinds = new TreeMap<>();
        clients.forEach(c -> c.failureKinds.forEach((k, v) -> failureKinds.merge(k, v, Long::sum)));
        for (int minute = 0; minute < samples.size(); minute++) {
            long[] statuses = OverloadSoak.statusCounts(clients, minute);
            long total = 0;
            for (long count : statuses) {
                total += count;
            }
            long other = total - statuses[200] - statuses[429] - statuses[503];
            final int m = minute;
            long failed = clients.stream().mapToLong(c -> c.failures[m]).sum();
            long missingRetryAfter = clients.stream().mapToLong(c -> c.missingRetryAfter[m]).sum();
            long images = clients.stream().mapToLong(c -> c.imagesAccepted[m]).sum();
            long[] accepted = OverloadSoak.sortedLatencies(clients, minute, true);
            long[] refused = OverloadSoak.sortedLatencies(clients, minute, false);
            Sample sample = samples.get(minute);
            md.append(format("| %d | %d | %d | %d | %d | %d | %d | %.0f | %.0f / %.0f / %.0f | %.0f | %d | %.0f | %.0f | %d |%n",
                    minute + 1, total + failed, statuses[200], statuses[429], statuses[503], other, failed, images / 60.0,
                    percentileMs(accepted, 50), percentileMs(accepted, 99), percentileMs(accepted, 100),
                    percentileMs(refused, 99), sample.rssMb(), sample.heapMb(), sample.liveHeapMb(), sample.threads()));
            if (other > 0) {
                problems.add(format("minute %d: %d answers other than 200, 429 or 503", minute + 1, other));
            }
            if (failed > 0) {
                problems.add(format("minute %d: %d requests failed without an answer %s", minute + 1, failed, failureKinds));
            }
            if (missingRetryAfter > 0) {
                problems.add(format("minute %d: %d refusals without Retry-After", minute + 1, missingRetryAfter));
            }
        }
        Sample first = samples.get(0);
        Sample last = samples.get(samples.size() - 1);
        if (last.rssMb() > first.rssMb() * (1 + maxRssGrowth)) {
            problems.add(format("RSS grew from %d to %d MB (more than %.0f %%)", first.rssMb(), last.rssMb(),
                    maxRssGrowth * 100));
        }
        if (last.liveHeapMb() > first.liveHeapMb() * (1 + maxLiveHeapGrowth)) {
            problems.add(format("live heap grew from %.0f to %.0f MB (more than %.0f %%)", first.liveHeapMb(),
                    last.liveHeapMb(), maxLiveHeapGrowth * 100));
        }
        if (last.threads() > first.threads() + maxThreadGrowth) {
            problems.add(format("threads grew from %d to %d", first.threads(), last.threads()));
        }
        md.append("\nFlat means: from the first minute's sample to the last, RSS within +")
                .append(format("%.0f %%, live heap (after GC) within +%.0f %%, threads within +%d.%n%n",
                        maxRssGrowth * 100, maxLiveHeapGrowth * 100, maxThreadGrowth))
                .append(problems.isEmpty() ? "**Passed**: every answer was 200 or a 429/503 with Retry-After, no"
                        + " request failed, and memory and threads stayed flat.\n"
                        : "**Failed**:\n" + String.join("\n", problems.stream().map(p -> "- " + p).toList()) + "\n");
    }

    boolean passed() {
        return problems.isEmpty();
    }

    String markdown() {
        return md.toString();
    }

    private static double percentileMs(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
