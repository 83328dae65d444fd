package org.margin.grid.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.grid.Grid;
import org.margin.grid.support.TestGrids;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.core.OperationTimeoutException;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.spi.exception.CallerNotMemberException;
import com.hazelcast.spi.exception.PartitionMigratingException;
import com.hazelcast.spi.exception.RetryableHazelcastException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import com.hazelcast.spi.exception.WrongTargetException;
import com.hazelcast.spi.impl.SerializationServiceSupport;
import com.hazelcast.spi.impl.operationservice.impl.responses.ErrorResponse;

import io.helidon.webserver.WebServer;

/**
 * A Helidon server turns on a JVM-wide deserialisation filter that refuses every class not on its allow-list. A
 * member in the same JVM (the launcher's, the tests') must still read the error responses of other members, whose
 * exception is Java-serialised: one it cannot read is dropped, and the invocation that waits for it hangs until its
 * call timeout; a client call behind it, such as an instance's registration, waits as long.
 */
class HelidonSerialFilterTest {

    /** Where a member logs a response it could not read ("While processing response..."). */
    private static final String RESPONSES = "com.hazelcast.spi.impl.operationservice.impl.InboundResponseHandler";

    @BeforeAll
    static void aHelidonServerRanInThisJvm() {
        WebServer server = WebServer.builder().host("127.0.0.1").port(0)
                .routing(routing -> routing.get("/", (request, response) -> response.send("up"))).build().start();
        server.stop();
        assertThat(ObjectInputFilter.Config.getSerialFilter()).as("the filter Helidon sets for the JVM").isNotNull();
    }

    @Test
    void errorResponsesBetweenMembersAreReadThroughTheFilter() {
        try (LocalGrid members = TestGrids.members(2)) {
            HazelcastInstance receiver = members.members().getFirst();
            Member local = receiver.getCluster().getLocalMember();
            Member other = members.members().getLast().getCluster().getLocalMember();
            List<Throwable> sent = List.of(
                    new WrongTargetException(other, local, 17, 0, "SetOperation"),
                    new PartitionMigratingException(other.getAddress(), 17, "SetOperation", "hz:impl:mapService"),
                    new TargetNotMemberException(local.getAddress(), 17, "SetOperation", "hz:impl:mapService"),
                    new CallerNotMemberException(other.getAddress(), local.getAddress(), 17, "SetOperation",
                            "hz:impl:mapService"),
                    new MemberLeftException(other),
                    new HazelcastInstanceNotActiveException(),
                    new RetryableHazelcastException("retry", new IllegalStateException("cause")),
                    new OperationTimeoutException("SetOperation", "no answer"));
            SerializationService serialization = ((SerializationServiceSupport) receiver).getSerializationService();
            for (Throwable cause : sent) {
                ErrorResponse received = serialization.toObject(serialization.toData(new ErrorResponse(cause, 7, false)));
                assertThat(received.getCause()).isInstanceOf(cause.getClass()).hasMessage(cause.getMessage());
            }
        }
    }

    @Test
    void theFilterStillRefusesClassesOffTheList() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new OffTheList("gadget"));
        }
        assertThatThrownBy(() -> new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject())
                .isInstanceOf(InvalidClassException.class).hasMessageContaining("REJECTED");
    }

    /**
     * A cluster's first client call arranges its partitions; while the members' tables disagree, the member a
     * client reached forwards the call and gets a WrongTargetException back. Fresh clusters with several instances
     * registering at once hit that moment: every instance registers, and no member drops a response.
     */
    @Test
    void instancesRegisterWhileTheFirstPartitionsAreAssigned() {
        List<LogRecord> dropped = new CopyOnWriteArrayList<>();
        Handler severe = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    dropped.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger responses = Logger.getLogger(RESPONSES);
        responses.addHandler(severe);
        try {
            for (int cluster = 0; cluster < 2; cluster++) {
                try (LocalGrid members = TestGrids.members(2)) {
                    List<Grid> instances = new ArrayList<>();
                    try {
                        for (int instance = 0; instance < 3; instance++) {
                            Grid grid = TestGrids.instanceOf(members).build();
                            instances.add(grid);
                            grid.connect();
                        }
                        instances.forEach(TestGrids::trusted);
                    } finally {
                        instances.forEach(Grid::close);
                    }
                }
            }
        } finally {
            responses.removeHandler(severe);
        }
        assertThat(dropped.stream().map(record -> record.getMessage() + ": " + record.getThrown()).toList())
                .as("responses a member could not read").isEmpty();
    }

    private record OffTheList(String name) implements Serializable {
    }
}
