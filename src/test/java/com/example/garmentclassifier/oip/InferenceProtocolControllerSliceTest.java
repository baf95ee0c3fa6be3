package com.example.garmentclassifier.oip;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.example.garmentclassifier.WithServiceSecurity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The protocol's controller alone, with its service mocked: status codes, the protocol's error shape
 * (not problem details) and the body limit. The service's security rules stand in front and need no
 * login on /v2; the end-to-end tests cover API keys there.
 */
@WebMvcTest(InferenceProtocolController.class)
@WithServiceSecurity
class InferenceProtocolControllerSliceTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    InferenceProtocolService protocol;

    @Test
    void notReadyIsA400WithReadyFalse() throws Exception {
        when(protocol.ready()).thenReturn(false);
        mvc.perform(get("/v2/health/ready")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.ready").value(false));
        when(protocol.ready()).thenReturn(true);
        mvc.perform(get("/v2/health/ready")).andExpect(status().isOk()).andExpect(jsonPath("$.ready").value(true));
    }

    @Test
    void aRefusedRequestAnswersInTheProtocolsErrorShape() throws Exception {
        when(protocol.infer(eq("garment-classifier"), isNull(), any()))
                .thenThrow(new InferenceProtocolException(HttpStatus.BAD_REQUEST, "Input 'images' is missing"));
        mvc.perform(post("/v2/models/garment-classifier/infer").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"inputs\": []}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("Input 'images' is missing"))
                .andExpect(jsonPath("$.title").doesNotExist());
    }

    @Test
    void anOverloadedServiceSaysWhenToRetry() throws Exception {
        when(protocol.infer(any(), any(), any()))
                .thenThrow(new InferenceProtocolException(HttpStatus.SERVICE_UNAVAILABLE, "The inference queue is full"));
        mvc.perform(post("/v2/models/garment-classifier/infer").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.error").value("The inference queue is full"));
    }

    @Test
    void aBodyOverTwoMegabytesIsRefusedUnread() throws Exception {
        byte[] body = new byte[2 * 1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        mvc.perform(post("/v2/models/garment-classifier/infer").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("over 2 MB")));
        verify(protocol, never()).infer(any(), any(), any());
    }

    @Test
    void anUnknownModelIsA404() throws Exception {
        when(protocol.metadata("shoes", null))
                .thenThrow(new InferenceProtocolException(HttpStatus.NOT_FOUND, "Unknown model 'shoes'"));
        mvc.perform(get("/v2/models/shoes")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("Unknown model 'shoes'"));
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedInTheProtocolsShape() throws Exception {
        // Refused before any handler runs, so the advice tells a protocol request by its servlet path, which
        // Tomcat sets to the whole path under the dispatcher's "/" mapping and MockMvc leaves empty unless told.
        String path = "/v2/models/garment-classifier/infer";
        mvc.perform(post(path).servletPath(path).contentType(MediaType.TEXT_PLAIN).content("images"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.error").exists());
        verify(protocol, never()).infer(any(), any(), any());
    }
}
