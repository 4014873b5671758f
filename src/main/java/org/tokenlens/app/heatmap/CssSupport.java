package org.tokenlens.app.heatmap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.PaintConverter;
import javafx.scene.paint.Paint;

/** The CssMetaData boilerplate shared by the plot controls. */
final class CssSupport {

    private CssSupport() {
    }

    static <S extends Styleable> CssMetaData<S, Paint> paint(String name, Paint initial,
            Function<S, StyleableObjectProperty<Paint>> property) {
        return new CssMetaData<>(name, PaintConverter.getInstance(), initial) {
            @Override
            public boolean isSettable(S s) {
                return !property.apply(s).isBound();
            }

            @Override
            public StyleableProperty<Paint> getStyleableProperty(S s) {
                return property.apply(s);
            }
        };
    }

    @SafeVarargs
    static List<CssMetaData<? extends Styleable, ?>> append(List<CssMetaData<? extends Styleable, ?>> parent,
            CssMetaData<? extends Styleable, ?>... own) {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(parent);
        Collections.addAll(all, own);
        return Collections.unmodifiableList(all);
    }
}
