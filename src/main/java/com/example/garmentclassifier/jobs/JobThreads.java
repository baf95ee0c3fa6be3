package com.example.garmentclassifier.jobs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The job service's own threads, so that request threads never train and a stuck job never holds up shutdown. */
final class JobThreads {

    private JobThreads() {
    }

    /** One worker and room for one queued job: the service refuses a second job before it reaches the queue. */
    static ExecutorService worker() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1), runnable -> {
            Thread thread = new Thread(runnable, "training-job");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        });
    }

    /** Retries carrying on a stopped job while a dead process's training lock has not yet gone stale. */
    static ScheduledExecutorService resumeChecks() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "training-job-resume");
            thread.setDaemon(true);
            return thread;
        });
    }
}
