package com.example.garmentclassifier.benchmark;

import java.util.List;

/**
 * One start of the service and the matrix run against it.
 *
 * @param mode        label for reports ("batching on", "batching off")
 * @param appArgs     application arguments that set the mode (port and address not included)
 * @param idle        memory right after the service became ready, before any classification
 * @param afterMatrix memory after the last cell; its peak is the highest RSS over the whole run
 * @param cells       one result per body and client count, in the order they ran
 */
public record ServiceRun(String mode, List<String> appArgs, ProcessMemory idle, ProcessMemory afterMatrix,
                         List<LoadResult> cells) {
}
