package com.example.garmentclassifier.models;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.example.garmentclassifier.inference.serving.LoadedModel;
import com.example.garmentclassifier.inference.serving.ModelHolder;
import com.example.garmentclassifier.store.ModelMetadata;
import java.util.List;
import java.util.Optional;
import com.example.garmentclassifier.WithServiceSecurity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code /classes} and {@code /models/current} alone, the model holder mocked: the labels in class-index
 * order, 503 with the holder's reason and a back-off while no model is loaded, and 406 for a caller that
 * accepts no JSON. Both endpoints are public: the service's security rules stand in front and ask no login.
 */
@WebMvcTest(CatalogueController.class)
@WithServiceSecurity
class CatalogueControllerSliceTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ModelHolder holder;

    @Test
    void theClassesAreTheServingModelsLabelsInIndexOrder() throws Exception {
        ModelMetadata metadata = mock(ModelMetadata.class);
        when(metadata.labels()).thenReturn(List.of("T-shirt/top", "Trouser", "Pullover"));
        LoadedModel model = mock(LoadedModel.class);
        when(model.metadata()).thenReturn(metadata);
        when(holder.current()).thenReturn(Optional.of(model));

        mvc.perform(get("/classes"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].index").value(0))
                .andExpect(jsonPath("$[0].label").value("T-shirt/top"))
                .andExpect(jsonPath("$[2].index").value(2))
                .andExpect(jsonPath("$[2].label").value("Pullover"));
    }

    @Test
    void withoutAModelBothAnswer503WithTheReasonAndABackOff() throws Exception {
        when(holder.current()).thenReturn(Optional.empty());
        when(holder.unavailableReason()).thenReturn("no model version could be loaded");

        for (String path : List.of("/classes", "/models/current")) {
            mvc.perform(get(path))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(header().string("Retry-After", "30"))
                    .andExpect(jsonPath("$.title").value("Model unavailable"))
                    .andExpect(jsonPath("$.detail").value("no model version could be loaded"));
        }
    }

    @Test
    void aCallerThatAcceptsNoJsonGets406() throws Exception {
        mvc.perform(get("/classes").accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotAcceptable());
    }
}
