package org.tokenlens.app.session;

import org.tokenlens.app.LaneViewModel;

/** One token of one lane: what the selection and the hover point at. */
public record TokenRef(LaneViewModel lane, int index) {
}
