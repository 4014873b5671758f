package org.tokenlens.app.positions;

import java.util.List;
import org.tokenlens.app.heatmap.MatrixSource;
import org.tokenlens.app.heatmap.MeanPyramid;
import org.tokenlens.app.heatmap.Series;
import org.tokenlens.engine.embed.EmbeddingMatrix;

/**
 * Everything the view draws for one {@link PositionsParams}, computed off the FX thread: the pyramids are built
 * already, so the FX thread only swaps them in.
 *
 * @param main            the position × dimension table (or ALiBi's query × key bias)
 * @param mainLabel       what the table honestly is, with its parameters
 * @param similarity      position × position similarity; null where there are no position vectors (ALiBi)
 * @param similarityLabel what the similarity compares, or why there is none
 * @param distance        score against relative distance
 * @param spectrum        wavelengths per dimension pair (ALiBi: slope per head); may be empty
 * @param spectrumNote    why the spectrum is empty, or null
 * @param vectors         the position vectors added to token vectors (sinusoidal, learned), else null
 */
public record PositionsResult(PositionsParams params, MatrixSource main, MeanPyramid mainPyramid, String mainLabel,
                              String rowAxis, String colAxis, MatrixSource similarity, MeanPyramid similarityPyramid,
                              String similarityLabel, List<Series> distance, String distanceX, String distanceY,
                              List<Series> spectrum, String spectrumX, String spectrumY, String spectrumNote,
                              EmbeddingMatrix vectors) {
}
