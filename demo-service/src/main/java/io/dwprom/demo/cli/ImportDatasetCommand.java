package io.dwprom.demo.cli;

import io.dropwizard.core.cli.EnvironmentCommand;
import io.dropwizard.core.setup.Environment;
import io.dwprom.demo.DemoApplication;
import io.dwprom.demo.DemoConfiguration;
import io.dwprom.demo.api.Dataset;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code import-dataset [--name NAME] config.yml FILE}: stores FILE as a dataset, as {@code POST /datasets} does
 * (bytes in {@code datasets.storageDir}, a row in the database, {@code datasets_uploaded_total} and
 * {@code dataset_upload_size_bytes} recorded), then pushes the command's metrics to the Pushgateway when
 * {@code prometheus.push.enabled} is set. Exit status 0 once imported, 1 on any error (Dropwizard's), whether or
 * not the push succeeded.
 */
public final class ImportDatasetCommand extends EnvironmentCommand<DemoConfiguration> {

    public static final String NAME = "import-dataset";

    private final DemoApplication application;

    public ImportDatasetCommand(DemoApplication application) {
        super(application, NAME, "Imports a dataset file into the dataset storage and the database");
        this.application = application;
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("dataset").metavar("FILE").help("the dataset file to import");
        subparser.addArgument("--name").help("the dataset's name (default: the file's name)");
    }

    @Override
    protected void run(Environment environment, Namespace namespace, DemoConfiguration configuration)
            throws Exception {
        Path file = Path.of(namespace.getString("dataset"));
        String name = namespace.getString("name") == null ? file.getFileName().toString() : namespace.getString("name");
        application.prometheus().commandPush(getName()).run(() -> {
            if (configuration.getDatasets().getStorageDir().isBlank()) {
                throw new IllegalArgumentException("datasets.storageDir is blank: an imported dataset would be lost "
                        + "when the command ends; set it (DATASET_DIR in config.yml)");
            }
            try (InputStream body = Files.newInputStream(file)) {
                Dataset dataset = application.datasets().upload(name, body);
                System.out.printf("Imported %s as dataset %d '%s' (%d bytes)%n", file, dataset.id(), dataset.name(),
                        dataset.sizeBytes());
            }
        });
    }
}
