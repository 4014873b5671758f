package org.tokenlens.app.detail;

import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;

/** Run an action once every given busy flag is false (the screenshot waits for traces and the vocabulary). */
public final class WhenIdle {
    private WhenIdle() {
    }

    public static void then(List<? extends ObservableBooleanValue> busy, Runnable action) {
        if (busy.stream().noneMatch(ObservableBooleanValue::get)) {
            action.run();
            return;
        }
        // A change listener, not an invalidation listener: the check below reads only up to the first busy flag,
        // and an unread property would not report its next invalidation.
        ChangeListener<Boolean> listener = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (busy.stream().noneMatch(ObservableBooleanValue::get)) {
                    busy.forEach(b -> b.removeListener(this));
                    action.run();
                }
            }
        };
        busy.forEach(b -> b.addListener(listener));
    }
}
