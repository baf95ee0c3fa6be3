package com.example.garmentclassifier.jobs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/admin")
@Tag(name = "Retraining", description = "Retrain on Fashion-MNIST in the background (admin)")
@SecurityRequirement(name = "basicAuth")
@ApiResponse(responseCode = "401", description = "Missing or wrong admin credentials")
public class TrainingJobController {

    private final TrainingJobService jobs;

    public TrainingJobController(TrainingJobService jobs) {
        this.jobs = jobs;
    }

    @Operation(summary = "Start a retraining job",
            description = "Trains on /usr/share/datasets/fashion-mnist (classifier.dataset-dir), evaluates on the 10,000"
                    + " test images, stores a new version and, depending on 'promote', activates it. Poll the job at the"
                    + " Location header.")
    @ApiResponse(responseCode = "202", description = "Queued; the body is the job")
    @ApiResponse(responseCode = "400", description = "A field is out of range or of the wrong type")
    @ApiResponse(responseCode = "409", description = "Another job is queued or running (its id is in jobId)")
    @PostMapping(path = "/retrain", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<TrainingJobView> retrain(@Valid @RequestBody(required = false) RetrainRequest request) {
        TrainingJobView job = jobs.submit(request == null ? RetrainRequest.DEFAULTS : request);
        return ResponseEntity.accepted().location(URI.create("/admin/jobs/" + job.id())).body(job);
    }

    @Operation(summary = "All training jobs, newest first")
    @ApiResponse(responseCode = "200", description = "The jobs, kept across restarts")
    @GetMapping(path = "/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<TrainingJobView> list() {
        return jobs.list();
    }

    @Operation(summary = "One training job: state, progress, per-epoch metrics, promotion decision")
    @ApiResponse(responseCode = "200", description = "The job")
    @ApiResponse(responseCode = "404", description = "No such job")
    @GetMapping(path = "/jobs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public TrainingJobView get(@PathVariable String id) {
        return jobs.get(id);
    }

    @Operation(summary = "Cancel a queued or running job",
            description = "A queued job ends CANCELLED at once; a running one stops within one batch.")
    @ApiResponse(responseCode = "202", description = "Cancellation requested (or done, for a queued job)")
    @ApiResponse(responseCode = "404", description = "No such job")
    @ApiResponse(responseCode = "409", description = "The job already ended")
    @DeleteMapping(path = "/jobs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<TrainingJobView> cancel(@PathVariable String id) {
        return ResponseEntity.accepted().body(jobs.cancel(id));
    }
}
