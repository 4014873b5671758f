package org.tokenlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Results arriving within one pulse: the first of each lane at once, of the rest only the newest, next pulse. */
@ExtendWith(ApplicationExtension.class)
class PulseResultQueueFxTest {

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(), 100, 100));
        stage.show();
    }

    @Test
    void onlyTheNewestOfALanesResultsWithinAPulseIsApplied(FxRobot robot) throws TimeoutException {
        PulseResultQueue queue = new PulseResultQueue();
        List<String> applied = new CopyOnWriteArrayList<>();
        robot.interact(() -> { // one runnable: no pulse can run in between
            queue.submit("a", () -> applied.add("a1"));
            queue.submit("b", () -> applied.add("b1"));
            queue.submit("a", () -> applied.add("a2"));
            queue.submit("a", () -> applied.add("a3"));
            assertEquals(List.of("a1", "b1"), applied, "the first of each lane at once");
            assertEquals(1, queue.waitingCount());
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> applied.size() == 3);
        WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        assertEquals(List.of("a1", "b1", "a3"), applied, "a2 was replaced by a3 before the pulse");
        robot.interact(() -> assertEquals(0, queue.waitingCount()));
    }
}
