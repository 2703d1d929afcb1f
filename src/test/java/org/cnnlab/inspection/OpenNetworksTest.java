package org.cnnlab.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The keeping rules, on networks that only count how often they are closed (the real ones are exercised by the inspection tests). */
class OpenNetworksTest {

    /** Counts its closes; no tensor work is asked of it here. */
    private static final class Counted implements OpenNetwork {
        int closes;

        @Override
        public NDManager scope() {
            throw new UnsupportedOperationException();
        }

        @Override
        public NDArray logits(NDArray x) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean batchedGradients() {
            return true;
        }

        @Override
        public int depth() {
            return 3;
        }

        @Override
        public NDArray layers(NDArray a, int from, int to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Insides insides(NDArray x) {
            throw new UnsupportedOperationException();
        }

        @Override
        public NDArray[] firstFilters(NDManager scope) {
            return null;
        }

        @Override
        public void close() {
            closes++;
        }
    }

    /** Opens a new counted network each time and lists it. */
    private static Supplier<OpenNetwork> counting(List<Counted> opened) {
        return () -> {
            Counted c = new Counted();
            opened.add(c);
            return c;
        };
    }

    @Test
    void the_same_key_opens_once_and_a_lease_gives_the_network_back_once() {
        OpenNetworks kept = new OpenNetworks();
        List<Counted> opened = new ArrayList<>();
        Supplier<OpenNetwork> opener = counting(opened);
        OpenNetwork a = kept.acquire("m", opener);
        OpenNetwork b = kept.acquire("m", opener);
        assertThat(opened).hasSize(1);
        assertThat(a.depth()).isEqualTo(3);
        a.close();
        a.close();   // twice: still one release
        b.close();
        assertThat(opened.getFirst().closes).as("kept, not closed").isZero();
        kept.close();
        assertThat(opened.getFirst().closes).isEqualTo(1);
    }

    @Test
    void beyond_the_maximum_the_least_recently_used_is_closed_when_nobody_uses_it() {
        OpenNetworks kept = new OpenNetworks();
        List<Counted> opened = new ArrayList<>();
        Supplier<OpenNetwork> opener = counting(opened);
        OpenNetwork inUse = kept.acquire(0, opener);   // still leased when it falls out
        for (int k = 1; k <= OpenNetworks.MAX; k++) kept.acquire(k, opener).close();
        assertThat(kept.size()).isEqualTo(OpenNetworks.MAX);
        assertThat(opened.getFirst().closes).as("out, but a request still uses it").isZero();
        inUse.close();
        assertThat(opened.getFirst().closes).isEqualTo(1);
        kept.acquire(OpenNetworks.MAX + 1, opener).close();   // pushes out key 1, unused: closed at once
        assertThat(opened.get(1).closes).isEqualTo(1);
        assertThat(opened.subList(2, opened.size())).allSatisfy(c -> assertThat(c.closes).isZero());
    }
}
