package org.margin.grid.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.margin.grid.member.LocalGrid;
import org.margin.grid.support.TestGrids;

/** Sessions live only in the grid: a member dying must lose none that were acknowledged. */
class SessionMemberLossTest {

    @Test
    void everySessionSurvivesTheDeathOfAMember() {
        try (LocalGrid members = TestGrids.members(3);
             McpInstance instanceA = new McpInstance(members);
             McpInstance instanceB = new McpInstance(members)) {
            List<String> sessions = new ArrayList<>();
            for (int session = 0; session < 30; session++) {
                sessions.add(CrossInstanceSessionTest.initialize(instanceA));
            }

            members.members().get(2).getLifecycleService().terminate();

            for (String session : sessions) {
                assertThat(instanceB.post(session, McpInstance.request(2, "tools/call",
                        "{\"name\":\"hello\",\"arguments\":{}}")).statusCode()).as(session).isEqualTo(200);
            }
        }
    }
}
