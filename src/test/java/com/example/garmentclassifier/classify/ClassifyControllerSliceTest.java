package com.example.garmentclassifier.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.example.garmentclassifier.inference.batching.InferenceOverloadedException;
import com.example.garmentclassifier.inference.serving.ModelUnavailableException;
import java.util.List;
import com.example.garmentclassifier.WithServiceSecurity;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code POST /classify} alone, its service mocked and its limits made small: what reaches the service
 * from each body type, and the problem details of a request refused before any image is read (nothing
 * submitted) or refused by the service (503 with the back-off each cause deserves). The service's security
 * rules stand in front, and let every request here through without a login; the end-to-end tests cover API
 * keys and rate limits, which the clients' own filter applies.
 */
@WebMvcTest(controllers = ClassifyController.class, properties = {
        "classifier.max-files-per-request=2", "classifier.max-image-bytes=64B"})
@WithServiceSecurity
class ClassifyControllerSliceTest {

    private static final byte[] SMALL = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    private static final ClassifyResponse ANSWER = new ClassifyResponse("v20260101-000000", "onnxruntime", List.of());

    /** The limits come from the real properties binding, so the test says them in the annotation above. */
    @TestConfiguration
    @EnableConfigurationProperties(ClassifyProperties.class)
    static class Limits {
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ClassificationService service;

    @Test
    void aRawBodyReachesTheServiceUnderItsFilenameWithTheAttributesSwitch() throws Exception {
        when(service.classify(anyList(), anyBoolean())).thenReturn(ANSWER);
        mvc.perform(post("/classify").param("filename", "boot.png").param("attributes", "false")
                        .contentType(MediaType.IMAGE_PNG).content(SMALL))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.modelVersion").value("v20260101-000000"))
                .andExpect(jsonPath("$.engine").value("onnxruntime"));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<Upload>> uploads = ArgumentCaptor.forClass(List.class);
        verify(service).classify(uploads.capture(), eq(false));
        assertThat(uploads.getValue()).singleElement().satisfies(upload -> {
            assertThat(upload.name()).isEqualTo("boot.png");
            assertThat(upload.data()).isEqualTo(SMALL);
        });
    }

    @Test
    void multipartPartsReachTheServiceInOrderAndAnUnnamedPartIsNamedByPosition() throws Exception {
        when(service.classify(anyList(), anyBoolean())).thenReturn(ANSWER);
        mvc.perform(multipart("/classify")
                        .file(new MockMultipartFile("file", "shirt.png", "image/png", SMALL))
                        .file(new MockMultipartFile("file", "", "image/png", new byte[] {7})))
                .andExpect(status().isOk());

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<Upload>> uploads = ArgumentCaptor.forClass(List.class);
        verify(service).classify(uploads.capture(), eq(true));
        assertThat(uploads.getValue()).extracting(Upload::name).containsExactly("shirt.png", "file[1]");
    }

    @Test
    void aFormWithoutFilesIsA400AndSubmitsNothing() throws Exception {
        mvc.perform(multipart("/classify").param("note", "no file here"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("No image"));
        verify(service, never()).classify(anyList(), anyBoolean());
    }

    @Test
    void moreFilesThanTheLimitIsA400NamingTheLimit() throws Exception {
        mvc.perform(multipart("/classify")
                        .file(new MockMultipartFile("file", "a.png", "image/png", SMALL))
                        .file(new MockMultipartFile("file", "b.png", "image/png", SMALL))
                        .file(new MockMultipartFile("file", "c.png", "image/png", SMALL)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Too many files"))
                .andExpect(jsonPath("$.detail").value("3 files in one request; the limit is 2"));
        verify(service, never()).classify(anyList(), anyBoolean());
    }

    @Test
    void anUploadOverTheByteLimitIsA413InEitherBodyType() throws Exception {
        byte[] big = new byte[65];
        mvc.perform(post("/classify").contentType(MediaType.IMAGE_JPEG).content(big))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.title").value("Upload too large"))
                .andExpect(jsonPath("$.detail").value("'body' is larger than the limit of 64 bytes"));
        mvc.perform(multipart("/classify").file(new MockMultipartFile("file", "big.jpg", "image/jpeg", big)))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.detail").value("'big.jpg' is larger than the limit of 64 bytes"));
        verify(service, never()).classify(anyList(), anyBoolean());
    }

    @Test
    void aBodyOfAnotherTypeIsA415() throws Exception {
        mvc.perform(post("/classify").contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verify(service, never()).classify(anyList(), anyBoolean());
    }

    @Test
    void noModelIsA503WithALongBackOffAndOverloadWithAShortOne() throws Exception {
        doThrow(new ModelUnavailableException("no model is loaded")).when(service).classify(anyList(), anyBoolean());
        mvc.perform(post("/classify").contentType(MediaType.IMAGE_PNG).content(SMALL))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(jsonPath("$.title").value("Model unavailable"));

        doThrow(new InferenceOverloadedException("queue full")).when(service).classify(anyList(), anyBoolean());
        mvc.perform(post("/classify").contentType(MediaType.IMAGE_PNG).content(SMALL))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.title").value("Overloaded"));
    }
}
