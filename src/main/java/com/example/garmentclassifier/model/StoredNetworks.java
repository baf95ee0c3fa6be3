package com.example.garmentclassifier.model;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The DL4J networks of one stored version, loaded: one, or an ensemble's members in their stored
 * order. Closing frees their native memory.
 */
public record StoredNetworks(List<MultiLayerNetwork> members) implements AutoCloseable {

    public StoredNetworks {
        members = List.copyOf(members);
    }

    public boolean ensemble() {
        return members.size() > 1;
    }

    @Override
    public void close() {
        members.forEach(MultiLayerNetwork::close);
    }
}
