package com.example.garmentclassifier.models;

import static org.hamcrest.Matchers.containsString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.example.garmentclassifier.inference.serving.LoadedModel;
import com.example.garmentclassifier.inference.serving.ModelHolder;
import com.example.garmentclassifier.store.InvalidModelException;
import com.example.garmentclassifier.store.ModelMetadata;
import com.example.garmentclassifier.store.ModelVersionNotFoundException;
import com.example.garmentclassifier.store.ModelVersions;
import com.example.garmentclassifier.store.StoreLayout;
import com.example.garmentclassifier.training.DatasetUnavailableException;
import java.nio.file.Path;
import java.util.Optional;
import com.example.garmentclassifier.WithServiceSecurity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * A version's report page alone, its store, holder and test-set predictions mocked: a committed version's
 * real metadata renders, says whether it is serving and, without the test set installed, says so instead of
 * failing; a missing or broken version is a 404 or 422 problem detail. The page is public, and served with the
 * service's page headers: a content security policy that allows no inline script, no framing, no referrer.
 */
@WebMvcTest(ModelReportController.class)
@WithServiceSecurity
class ModelReportControllerSliceTest {

    /** A committed version: its metadata is read from the store as the service would read it. */
    private static final String VERSION = "v20261202-165010";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ModelVersions versions;
    @MockitoBean
    ModelHolder holder;
    @MockitoBean
    TestSetPredictions predictions;

    @Test
    void aServingVersionWithoutTheTestSetRendersAndSaysWhatIsMissing() throws Exception {
        ModelMetadata metadata = new ModelVersions(new StoreLayout(Path.of("model-store")),
                JsonMapper.builder().build()).readMetadata(VERSION);
        when(versions.readMetadata(VERSION)).thenReturn(metadata);
        LoadedModel serving = mock(LoadedModel.class);
        when(serving.version()).thenReturn(VERSION);
        when(holder.current()).thenReturn(Optional.of(serving));
        when(predictions.of(any())).thenThrow(new DatasetUnavailableException("no test set here"));

        String html = mvc.perform(get("/models/" + VERSION + "/report"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("<h1>Model " + VERSION + " (serving)</h1>")
                .contains("The Fashion-MNIST test set is not installed here")
                .contains("<svg");
    }

    @Test
    void anotherVersionIsNotMarkedServing() throws Exception {
        ModelMetadata metadata = new ModelVersions(new StoreLayout(Path.of("model-store")),
                JsonMapper.builder().build()).readMetadata(VERSION);
        when(versions.readMetadata(VERSION)).thenReturn(metadata);
        when(holder.current()).thenReturn(Optional.empty());
        when(predictions.of(any())).thenThrow(new DatasetUnavailableException("no test set here"));

        String html = mvc.perform(get("/models/" + VERSION + "/report"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("<h1>Model " + VERSION + "</h1>");
    }

    @Test
    void aMissingVersionIs404AndABrokenOne422() throws Exception {
        when(versions.readMetadata("v-none")).thenThrow(new ModelVersionNotFoundException("v-none"));
        mvc.perform(get("/models/v-none/report"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Model version not found"));

        when(versions.readMetadata("v-broken")).thenThrow(new InvalidModelException("metadata of version v-broken is unreadable"));
        mvc.perform(get("/models/v-broken/report"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("Model version cannot be loaded"));
    }
}
