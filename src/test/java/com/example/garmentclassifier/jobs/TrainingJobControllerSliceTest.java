package com.example.garmentclassifier.jobs;

import static com.example.garmentclassifier.AdminLogin.asAdmin;
import static com.example.garmentclassifier.AdminLogin.withWrongPassword;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import com.example.garmentclassifier.WithServiceSecurity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The admin jobs API alone, with the job service mocked: a request body is validated and refused as a
 * problem detail naming the field before any job is submitted; conflicts and unknown jobs map to 409
 * and 404. The service's security rules stand in front: every admin route needs the admin's login.
 */
@WebMvcTest(TrainingJobController.class)
@WithServiceSecurity
class TrainingJobControllerSliceTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TrainingJobService jobs;

    @Test
    void anEmptyBodyQueuesTheDefaultJobAndPointsAtIt() throws Exception {
        when(jobs.submit(RetrainRequest.DEFAULTS)).thenReturn(queued("job-1"));
        mvc.perform(post("/admin/retrain").with(asAdmin()))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/admin/jobs/job-1"))
                .andExpect(jsonPath("$.state").value("QUEUED"));
    }

    @Test
    void anOutOfRangeFieldIsA400NamingItAndSubmitsNothing() throws Exception {
        mvc.perform(post("/admin/retrain").with(asAdmin()).contentType(MediaType.APPLICATION_JSON).content("{\"epochs\": 0}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("epochs")));
        mvc.perform(post("/admin/retrain").with(asAdmin()).contentType(MediaType.APPLICATION_JSON).content("{\"recipe\": \"magic\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("recipe")));
        verify(jobs, never()).submit(any());
    }

    @Test
    void aSecondJobIsA409NamingTheOneRunning() throws Exception {
        when(jobs.submit(any())).thenThrow(new JobConflictException("job-1", "Training job job-1 is RUNNING"));
        mvc.perform(post("/admin/retrain").with(asAdmin()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.jobId").value("job-1"))
                .andExpect(jsonPath("$.title").value("Training job conflict"));
    }

    @Test
    void anUnknownJobIsA404() throws Exception {
        when(jobs.get("job-none")).thenThrow(new JobNotFoundException("job-none"));
        mvc.perform(get("/admin/jobs/job-none").with(asAdmin()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Training job not found"));
    }

    @Test
    void everyAdminRouteWantsTheAdminsLoginAndTouchesNoJobWithout() throws Exception {
        for (var request : List.of(post("/admin/retrain"), get("/admin/jobs"), get("/admin/jobs/job-1"),
                delete("/admin/jobs/job-1"))) {
            mvc.perform(request)
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string("WWW-Authenticate", startsWith("Basic ")))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.title").value("Authentication required"));
        }
        mvc.perform(post("/admin/retrain").with(withWrongPassword()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));
        verifyNoInteractions(jobs);
    }

    private static TrainingJobView queued(String id) {
        return new TrainingJobView(id, JobState.QUEUED, RetrainRequest.DEFAULTS, Instant.now(), null, null,
                new TrainingJobView.Progress(0, 20, 0, 0, 0, null), List.of(), null, null, null, false, null, List.of());
    }
}
