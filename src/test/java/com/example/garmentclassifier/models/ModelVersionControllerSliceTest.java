package com.example.garmentclassifier.models;

import static com.example.garmentclassifier.AdminLogin.asAdmin;
import static com.example.garmentclassifier.AdminLogin.withWrongPassword;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.example.garmentclassifier.inference.serving.ModelHolder;
import com.example.garmentclassifier.model.ActiveModelDeletionException;
import com.example.garmentclassifier.model.ModelActivationService;
import com.example.garmentclassifier.model.ModelLoader;
import com.example.garmentclassifier.store.InvalidModelException;
import com.example.garmentclassifier.store.ModelVersionNotFoundException;
import com.example.garmentclassifier.store.ModelVersions;
import com.example.garmentclassifier.WithServiceSecurity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The versions API alone, its store, loader and activation mocked: the ONNX download's headers, and
 * the problem details of a missing, broken or active version, behind the service's security rules: the
 * listing and the download are public, activating and deleting need the admin's login.
 */
@WebMvcTest(ModelVersionController.class)
@WithServiceSecurity
class ModelVersionControllerSliceTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ModelVersions versions;
    @MockitoBean
    ModelLoader loader;
    @MockitoBean
    ModelHolder holder;
    @MockitoBean
    ModelActivationService activation;

    @Test
    void theOnnxFormDownloadsAsANamedAttachment() throws Exception {
        byte[] onnx = {8, 7, 18, 4};
        when(loader.onnxModel("v20260101-000000")).thenReturn(onnx);
        mvc.perform(get("/models/v20260101-000000/model.onnx"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/onnx"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"v20260101-000000.onnx\""))
                .andExpect(content().bytes(onnx));
    }

    @Test
    void anUnknownVersionIsA404ProblemDetail() throws Exception {
        when(loader.onnxModel("v-none")).thenThrow(new ModelVersionNotFoundException("v-none"));
        mvc.perform(get("/models/v-none/model.onnx").accept(MediaType.ALL))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Model version not found"));
    }

    @Test
    void aVersionThatCannotLoadIsA422AndTheActiveOneCannotBeDeleted() throws Exception {
        when(activation.activate("v20260101-000000"))
                .thenThrow(new InvalidModelException("checksum mismatch for version v20260101-000000"));
        mvc.perform(post("/admin/models/v20260101-000000/activate").with(asAdmin()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("Model version cannot be loaded"))
                .andExpect(jsonPath("$.detail").value("checksum mismatch for version v20260101-000000"));

        doThrow(new ActiveModelDeletionException("v20260101-000000")).when(activation).delete("v20260101-000000");
        mvc.perform(delete("/admin/models/v20260101-000000").with(asAdmin()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Model version is active"));
    }

    @Test
    void activatingOrDeletingWithoutTheAdminsLoginIsA401AndChangesNothing() throws Exception {
        mvc.perform(post("/admin/models/v20260101-000000/activate"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Authentication required"));
        mvc.perform(delete("/admin/models/v20260101-000000").with(withWrongPassword()))
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(activation);
    }
}
