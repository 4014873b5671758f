/**
 * The embedding map: {@link org.tokenlens.app.map.ScatterMap}, a control that draws 100k+ projected vocabulary
 * points as pixels (never a node per point), picks through a uniform grid, and overlays the typed sentence as a
 * labelled path. Data comes in as immutable values ({@link org.tokenlens.app.map.MapPoints},
 * {@link org.tokenlens.app.map.IdSet}, {@link org.tokenlens.app.map.SentencePath}); the owner (the embedding view)
 * decides what is shown — an isolated subset is simply other points — and links the selection to the session.
 * {@link org.tokenlens.app.map.MapExport} writes the view as PNG or SVG and the coordinates as CSV.
 */
package org.tokenlens.app.map;
