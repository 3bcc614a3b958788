package io.dwprom.bundle;

import io.dwprom.testapp.RunningApp;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;

@ExtendWith(DropwizardExtensionsSupport.class)
class ScrapeDumpIT {
    static final RunningApp APP = RunningApp.create();
    @RegisterExtension
    static final io.dropwizard.testing.junit5.DropwizardAppExtension<?> EXT = APP.extension();

    @Test
    void dump() throws Exception {
        APP.get("/items/1");
        APP.send("POST", "/db/items/1", HttpRequest.BodyPublishers.noBody());
        APP.get("/db/items");
        APP.get("/db/missing-table");
        APP.send("POST", "/business", HttpRequest.BodyPublishers.noBody());
        APP.get("/nope");
        Files.writeString(Path.of("target/scrape.txt"), APP.scrape());
        Files.writeString(Path.of("target/names.txt"), String.join("\n", EXT.getEnvironment().metrics().getNames()));
        Files.writeString(Path.of("target/scrape-om.txt"), APP.scrape("application/openmetrics-text; version=1.0.0; charset=utf-8").body());
    }
}
