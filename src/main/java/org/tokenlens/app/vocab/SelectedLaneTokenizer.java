package org.tokenlens.app.vocab;

import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableList;
import org.tokenlens.app.LaneViewModel;
import org.tokenlens.app.session.SessionModel;
import org.tokenlens.app.session.TokenRef;
import org.tokenlens.engine.tokenize.Tokenizer;

/**
 * Keeps the browser on "the selected lane's tokenizer": the lane of the selected token, else the lane browsed
 * last while it still exists, else the first lane. Follows that lane's tokenizer when the user switches it.
 */
public final class SelectedLaneTokenizer {

    private final SessionModel session;
    private final ObservableList<LaneViewModel> lanes;
    private final ObjectProperty<Tokenizer> target;
    private final InvalidationListener update = obs -> update();
    private LaneViewModel lane;

    private SelectedLaneTokenizer(SessionModel session, ObservableList<LaneViewModel> lanes,
                                  ObjectProperty<Tokenizer> target) {
        this.session = session;
        this.lanes = lanes;
        this.target = target;
    }

    /** Drive {@code target} (the browser's tokenizer) from the session's selection and the lanes. */
    public static SelectedLaneTokenizer bind(SessionModel session, ObservableList<LaneViewModel> lanes,
                                             ObjectProperty<Tokenizer> target) {
        SelectedLaneTokenizer s = new SelectedLaneTokenizer(session, lanes, target);
        session.selectedTokenProperty().addListener(s.update);
        lanes.addListener(s.update);
        s.update();
        return s;
    }

    private void update() {
        TokenRef selected = session.selectedTokenProperty().get();
        LaneViewModel next = selected != null ? selected.lane()
                : lane != null && lanes.contains(lane) ? lane : lanes.isEmpty() ? null : lanes.get(0);
        if (next != lane) {
            if (lane != null) {
                lane.tokenizerProperty().removeListener(update);
            }
            lane = next;
            if (lane != null) {
                lane.tokenizerProperty().addListener(update);
            }
        }
        Tokenizer t = lane == null ? null : lane.tokenizerProperty().get();
        if (t != null || lane == null) {
            target.set(t); // while a lane loads (null), keep showing the last vocabulary
        }
    }
}
