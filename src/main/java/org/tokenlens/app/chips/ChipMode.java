package org.tokenlens.app.chips;

/** What a chip's main line shows. */
public enum ChipMode {
    /** The decoded text, whitespace made visible, partial characters grouped into their cluster. */
    TEXT,
    /** The raw vocabulary pieces: {@code Ġhello}, {@code ▁the}, {@code ##s}. */
    RAW,
    /** The bytes each token stands for, in hex. */
    HEX
}
