package org.margin.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTest {

    /** The eight leaves of Certificate Transparency's reference tests (RFC 6962/9162 hashing). */
    private static final String[] LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};
    private static final String[] ROOTS = {
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    @Test
    void rootsMatchTheReferenceVectors() {
        CompactRange range = new CompactRange();
        for (int i = 0; i < LEAVES.length; i++) {
            range.append(TreeHashes.leaf(HexFormat.of().parseHex(LEAVES[i])));
            assertThat(HexFormat.of().formatHex(range.root())).as("root of %d leaves", i + 1).isEqualTo(ROOTS[i]);
        }
        assertThat(HexFormat.of().formatHex(new CompactRange().root()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void compactRangeAgreesWithTheRecursiveDefinition() {
        LeafHashes leaves = new LeafHashes(0);
        CompactRange range = new CompactRange();
        for (int n = 1; n <= 300; n++) {
            byte[] leaf = TreeHashes.leaf(new byte[]{(byte) n, (byte) (n >> 8)});
            leaves.add(leaf);
            range.append(leaf);
            assertThat(range.root()).as("size %d", n).isEqualTo(leaves.hash(0, n));
        }
    }

    @Test
    void everyConsistencyProofVerifiesAndNoAlteredOneDoes() {
        LeafHashes leaves = new LeafHashes(0);
        List<CompactRange> ranges = new ArrayList<>();
        CompactRange range = new CompactRange();
        ranges.add(range.copy());
        for (int n = 1; n <= 40; n++) {
            byte[] leaf = TreeHashes.leaf(new byte[]{(byte) n});
            leaves.add(leaf);
            range.append(leaf);
            ranges.add(range.copy());
        }
        for (int n = 1; n <= 40; n++) {
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = ConsistencyProofs.prove(m, n, leaves::hash);
                byte[] oldRoot = leaves.hash(0, m);
                byte[] newRoot = leaves.hash(0, n);
                assertThat(ConsistencyProofs.verify(m, n, oldRoot, newRoot, proof)).as("%d to %d", m, n).isTrue();

                LeafHashes since = new LeafHashes(m);
                for (int i = m; i < n; i++) {
                    since.add(leaves.hash(i, i + 1));
                }
                assertThat(ConsistencyProofs.prove(m, n, ranges.get(m), since))
                        .as("the streaming proof %d to %d", m, n).containsExactlyElementsOf(proof);

                byte[] otherRoot = leaves.hash(0, m).clone();
                otherRoot[0] ^= 1;
                assertThat(ConsistencyProofs.verify(m, n, otherRoot, newRoot, proof)).isFalse();
                if (m < n) {
                    byte[] forgedNew = newRoot.clone();
                    forgedNew[31] ^= 1;
                    assertThat(ConsistencyProofs.verify(m, n, oldRoot, forgedNew, proof)).isFalse();
                }
                for (int i = 0; i < proof.size(); i++) {
                    List<byte[]> altered = new ArrayList<>(proof);
                    byte[] hash = altered.get(i).clone();
                    hash[5] ^= 1;
                    altered.set(i, hash);
                    assertThat(ConsistencyProofs.verify(m, n, oldRoot, newRoot, altered)).isFalse();
                }
            }
        }
    }
}
