package com.example.garmentclassifier.jobs;

import static org.hamcrest.Matchers.containsString;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The admin jobs API alone, with the job service mocked: a request body is validated and refused as a
 * problem detail naming the field before any job is submitted; conflicts and unknown jobs map to 409
 * and 404. Security filters are left out here; the end-to-end tests cover the admin login.
 */
@WebMvcTest(TrainingJobController.class)
@AutoConfigureMockMvc(addFilters = false)
class TrainingJobControllerSliceTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TrainingJobService jobs;

    @Test
    void anEmptyBodyQueuesTheDefaultJobAndPointsAtIt() throws Exception {
        when(jobs.submit(RetrainRequest.DEFAULTS)).thenReturn(queued("job-1"));
        mvc.perform(post("/admin/retrain"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/admin/jobs/job-1"))
                .andExpect(jsonPath("$.state").value("QUEUED"));
    }

    @Test
    void anOutOfRangeFieldIsA400NamingItAndSubmitsNothing() throws Exception {
        mvc.perform(post("/admin/retrain").contentType(MediaType.APPLICATION_JSON).content("{\"epochs\": 0}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("epochs")));
        mvc.perform(post("/admin/retrain").contentType(MediaType.APPLICATION_JSON).content("{\"recipe\": \"magic\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("recipe")));
        verify(jobs, never()).submit(any());
    }

    @Test
    void aSecondJobIsA409NamingTheOneRunning() throws Exception {
        when(jobs.submit(any())).thenThrow(new JobConflictException("job-1", "Training job job-1 is RUNNING"));
        mvc.perform(post("/admin/retrain").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.jobId").value("job-1"))
                .andExpect(jsonPath("$.title").value("Training job conflict"));
    }

    @Test
    void anUnknownJobIsA404() throws Exception {
        when(jobs.get("job-none")).thenThrow(new JobNotFoundException("job-none"));
        mvc.perform(get("/admin/jobs/job-none"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Training job not found"));
    }

    private static TrainingJobView queued(String id) {
        return new TrainingJobView(id, JobState.QUEUED, RetrainRequest.DEFAULTS, Instant.now(), null, null,
                new TrainingJobView.Progress(0, 20, 0, 0, 0, null), List.of(), null, null, null, false, null, List.of());
    }
}
