package org.margin.grid.tier;

import org.margin.grid.Grid;
import org.margin.grid.member.LocalGrid;
import org.margin.grid.support.TestGrids;

/**
 * The same guarantees with instance B on the first member itself, as the launcher's functions use theirs: B's near
 * cache is the member's (holding the entries of its own partitions and of the other member's), A is a client with
 * its own. Every write of A must reach B's reads at once, and B's writes A's.
 */
class InProcessConsistencyTest extends CrossInstanceConsistencyTest {

    @Override
    Grid.Builder instanceB(LocalGrid members) {
        return TestGrids.inProcessOf(members);
    }
}
