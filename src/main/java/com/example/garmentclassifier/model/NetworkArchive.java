package com.example.garmentclassifier.model;

import com.example.garmentclassifier.store.InvalidModelException;
import com.example.garmentclassifier.store.ModelMetadata;
import com.example.garmentclassifier.store.ModelVersions;
import com.example.garmentclassifier.store.StoreLayout;
import com.example.garmentclassifier.store.VersionWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * DL4J networks in and out of the model store: saved as a new version (each network's file, the ONNX form
 * with its parity record when the networks convert, and the metadata), and restored once their files
 * pass their checksums. The only part of the store that knows DL4J, which is why it lives here and not
 * in the store package: the files, their checks and the version's atomic write are {@link VersionWriter}'s
 * and {@link ModelVersions}'.
 */
public class NetworkArchive {

    private final ModelVersions versions;
    private final VersionWriter writer;

    public NetworkArchive(ModelVersions versions, VersionWriter writer) {
        this.versions = versions;
        this.writer = writer;
    }

    public ModelMetadata save(MultiLayerNetwork network, ModelMetadata draft) {
        return save(List.of(network), draft);
    }

    /** Saves an ensemble's members as one version; the first is its {@value StoreLayout#MODEL_FILE}. */
    public ModelMetadata save(List<MultiLayerNetwork> members, ModelMetadata draft) {
        return writer.write(draft.createdAt(), version -> {
            String modelSha256 = version.write(StoreLayout.MODEL_FILE,
                    out -> ModelSerializer.writeModel(members.get(0), out, false));
            List<ModelMetadata.Artifact> further = new ArrayList<>();
            for (int i = 1; i < members.size(); i++) {
                MultiLayerNetwork member = members.get(i);
                String name = StoreLayout.memberFileName(i + 1);
                further.add(new ModelMetadata.Artifact(name,
                        version.write(name, out -> ModelSerializer.writeModel(member, out, false))));
            }
            ModelMetadata metadata = draft.withVersion(version.id()).withFile(StoreLayout.MODEL_FILE, modelSha256)
                    .withEnsembleMembers(further);
            byte[] onnx = OnnxArtifacts.exportOrNull(members);
            if (onnx != null) {
                String onnxSha256 = version.write(StoreLayout.ONNX_FILE, out -> out.write(onnx));
                metadata = metadata.withOnnx(new ModelMetadata.Artifact(StoreLayout.ONNX_FILE, onnxSha256))
                        .withOnnxParity(OnnxArtifacts.checkedParity(members, onnx, onnxSha256));
            }
            return metadata;
        });
    }

    /** The version's (first) network, a private copy: training may change it without touching what serves. */
    public MultiLayerNetwork loadNetwork(String version) {
        return restore(version, versions.verifyModelFile(version));
    }

    /** Every network of the version (one, or an ensemble's members), each file checked before it is restored. */
    public StoredNetworks loadNetworks(String version) {
        List<Path> files = versions.verifyNetworkFiles(version);
        List<MultiLayerNetwork> networks = new ArrayList<>();
        try {
            for (Path file : files) {
                networks.add(restore(version, file));
            }
            return new StoredNetworks(networks);
        } catch (RuntimeException e) {
            networks.forEach(MultiLayerNetwork::close);
            throw e;
        }
    }

    private static MultiLayerNetwork restore(String version, Path modelFile) {
        try {
            return ModelSerializer.restoreMultiLayerNetwork(modelFile.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new InvalidModelException("cannot load version " + version, e);
        }
    }
}
