package com.example.garmentclassifier.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.ServiceEndToEndTest;
import com.example.garmentclassifier.classify.TestImages;
import com.example.garmentclassifier.web.HttpTestClient.Part;
import com.example.garmentclassifier.web.HttpTestClient.Response;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Valid but awkward uploads a seller's tool or an attacker produces: huge metadata, 1-bit images,
 * extreme shapes, file names with unicode, length or path syntax. Each is classified, never a 5xx.
 */
@ServiceEndToEndTest
class HostileInputsEndToEndTest {

    @LocalServerPort
    int port;

    private HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient(port);
    }

    @Test
    void aPngWithAFiveMegabyteTextChunkIsClassified() {
        byte[] png = TestImages.fixtureBytes("test-00002.png");
        byte[] text = new byte[5 * 1024 * 1024];
        Arrays.fill(text, (byte) 'A');
        System.arraycopy("Comment\0".getBytes(StandardCharsets.ISO_8859_1), 0, text, 0, 8);
        // After IHDR (8-byte signature + 25-byte chunk), so a reader meets it before any pixels.
        byte[] bloated = insert(png, 33, pngChunk("tEXt", text));

        Response r = http.postBody("/classify", "image/png", bloated);
        assertClassified(r);
    }

    @Test
    void aJpegWithAHugeExifAndIccBlockIsClassified() {
        byte[] jpeg = photoJpeg();
        ByteArrayOutputStream segments = new ByteArrayOutputStream();
        byte[] exif = new byte[65_000];
        System.arraycopy("Exif\0\0MM\0*".getBytes(StandardCharsets.ISO_8859_1), 0, exif, 0, 10);
        Arrays.fill(exif, 10, exif.length, (byte) 0x7F);
        segments.writeBytes(jpegSegment(0xE1, exif));
        int iccChunks = 60;
        for (int i = 1; i <= iccChunks; i++) {
            byte[] icc = new byte[65_000];
            byte[] marker = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(marker, 0, icc, 0, marker.length);
            icc[12] = (byte) i;
            icc[13] = (byte) iccChunks;
            Arrays.fill(icc, 14, icc.length, (byte) 0x5A);
            segments.writeBytes(jpegSegment(0xE2, icc));
        }
        byte[] bloated = insert(jpeg, 2, segments.toByteArray());
        assertThat(bloated.length).isGreaterThan(3_900_000);

        Response r = http.postBody("/classify", "image/jpeg", bloated);
        assertClassified(r);
    }

    @Test
    void aPhoneJpegStoredOnItsSideIsTurnedUprightByItsExifOrientation() {
        BufferedImage upright = TestImages.photo(fixture("test-00002.png"), 10, new Color(60, 70, 90), Color.WHITE,
                300, 400, 10, 60, false);
        int w = upright.getWidth();
        BufferedImage sideways = new BufferedImage(upright.getHeight(), w, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < sideways.getHeight(); y++) {
            for (int x = 0; x < sideways.getWidth(); x++) {
                // Orientation 6, as phones write it: stored row 0 is the picture's right-hand edge.
                sideways.setRGB(x, y, upright.getRGB(w - 1 - y, x));
            }
        }
        byte[] phoneJpeg = TestImages.withExifOrientation(TestImages.encode(sideways, "jpeg"), 6);

        Response asTaken = http.postBody("/classify", "image/jpeg", phoneJpeg);
        assertClassified(asTaken);
        String label = asTaken.json().get("results").get(0).get("label").asString();
        assertThat(label).isEqualTo("Trouser")
                .isEqualTo(http.postBody("/classify", "image/jpeg", TestImages.encode(upright, "jpeg"))
                        .json().get("results").get(0).get("label").asString());
    }

    @Test
    void oneBitImagesAreClassified() {
        BufferedImage binary = new BufferedImage(280, 280, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = binary.createGraphics();
        g.drawImage(TestImages.photo(fixture("test-00002.png"), 10, Color.BLACK, Color.WHITE, 280, 280, 0, 0, false),
                0, 0, null);
        g.dispose();
        for (String format : List.of("png", "bmp", "gif")) {
            Response r = http.postBody("/classify", "image/" + format, TestImages.encode(binary, format));
            assertClassified(r);
        }
    }

    @Test
    void extremeAspectRatiosAreClassified() {
        for (int[] size : List.of(new int[] {20_000, 2}, new int[] {2, 20_000}, new int[] {1, 1})) {
            BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(new Color(120, 20, 40));
            g.fillRect(0, 0, size[0], size[1]);
            g.dispose();
            assertClassified(http.postBody("/classify", "image/png", TestImages.encode(image, "png")));
        }
    }

    @Test
    void unicodeLongAndPathLikeFileNamesAreOnlyLabels() {
        byte[] png = TestImages.fixtureBytes("test-00001.png");
        List<String> names = List.of("Kleid blau – größe M 👗.png", "x".repeat(1000) + ".png", "../../../etc/passwd",
                "C:\\Windows\\System32\\..\\shirt.png", "%2e%2e%2fshirt.png", "<script>alert(1)</script>.png");
        Response r = http.postMultipart("/classify", names.stream().map(name -> Part.file(name, png)).toList());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode results = r.json().get("results");
        for (int i = 0; i < names.size(); i++) {
            assertThat(results.get(i).get("file").asString()).as("echoed as sent, never used as a path")
                    .isEqualTo(names.get(i));
        }
        assertThat(r.contentType()).as("JSON, so a browser never renders the name as markup")
                .startsWith("application/json");
    }

    private static void assertClassified(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode result = r.json().get("results").get(0);
        assertThat(result.get("label").asString()).isNotBlank();
        double sum = 0;
        for (JsonNode p : result.get("probabilities")) {
            sum += p.asDouble();
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
    }

    private static byte[] fixture(String file) {
        return TestImages.fixtures().stream().filter(f -> f.file().equals(file)).findFirst().orElseThrow().pixels();
    }

    private static byte[] photoJpeg() {
        return TestImages.encode(TestImages.photo(fixture("test-00002.png"), 10, new Color(30, 40, 80), Color.WHITE,
                300, 300, 10, 10, false), "jpeg");
    }

    private static byte[] pngChunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
                .putInt((int) crc.getValue()).array();
    }

    private static byte[] jpegSegment(int marker, byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length).put((byte) 0xFF).put((byte) marker)
                .putShort((short) (payload.length + 2)).put(payload).array();
    }

    private static byte[] insert(byte[] data, int at, byte[] extra) {
        byte[] result = new byte[data.length + extra.length];
        System.arraycopy(data, 0, result, 0, at);
        System.arraycopy(extra, 0, result, at, extra.length);
        System.arraycopy(data, at, result, at + extra.length, data.length - at);
        return result;
    }
}
