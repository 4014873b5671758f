package org.tokenlens.app.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FxTaskRunnerTest {

    @Test
    void worksOffTheFxThreadAndDeliversOnIt() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(2);
        try (FxTaskRunner runner = new FxTaskRunner(1)) {
            runner.run(() -> Platform.isFxApplicationThread() ? "fx" : "worker",
                    r -> {
                        seen.add(r + "->" + (Platform.isFxApplicationThread() ? "fx" : "other"));
                        done.countDown();
                    }, e -> { });
            runner.run(() -> {
                throw new IllegalStateException("boom");
            }, r -> { }, e -> {
                seen.add(e.getMessage() + "->" + (Platform.isFxApplicationThread() ? "fx" : "other"));
                done.countDown();
            });
            assertTrue(done.await(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of("worker->fx", "boom->fx"), seen);
    }

    @Test
    void cancelledTaskNeverCallsBack() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch last = new CountDownLatch(1);
        try (FxTaskRunner runner = new FxTaskRunner(1)) {
            runner.run(() -> gate.await(10, TimeUnit.SECONDS), r -> seen.add("first"), e -> seen.add("error"));
            TaskRunner.TaskHandle queued = runner.run(() -> "queued", seen::add, e -> seen.add("error"));
            queued.cancel();
            runner.run(() -> "last", r -> {
                seen.add(r);
                last.countDown();
            }, e -> seen.add("error"));
            gate.countDown();
            assertTrue(last.await(10, TimeUnit.SECONDS));
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(List.of("first", "last"), seen);
    }
}
