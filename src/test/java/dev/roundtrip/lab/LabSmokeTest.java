package dev.roundtrip.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.StageEvent;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LabSmokeTest {
    @Test
    void getRoot() throws Exception {
        try (Lab lab = Lab.start()) {
            for (String target : new String[] {"/", "/users/1", "/fail", "/nope"}) {
                long id = lab.send(RequestSpec.get(target)).exchangeId();
                Exchange x = lab.settled(id).get(10, TimeUnit.SECONDS);
                System.out.println(x.outcome() + " " + x.response().map(r -> r.status()).orElse(-1));
                for (StageEvent e : x.events()) System.out.println("  " + e.stage() + " " + e.phase() + " " + e.actor() + " " + e.detail() + " k=" + e.kernel());
                assertThat(x.events()).isNotEmpty();
            }
        }
    }
}
