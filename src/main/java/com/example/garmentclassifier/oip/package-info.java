/**
 * The Open Inference Protocol (v2, as KServe, Triton and MLServer speak it) over HTTP/JSON:
 * health, server and model metadata, and inference on image tensors already in the data set's
 * form. Inference shares the serving path of /classify: the same dispatcher (dynamic batching),
 * the same leased model (hot swap), the same served probabilities (mirror-averaged, calibrated).
 */
package com.example.garmentclassifier.oip;
