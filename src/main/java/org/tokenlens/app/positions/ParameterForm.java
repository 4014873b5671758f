package org.tokenlens.app.positions;

import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.tokenlens.engine.positions.PositionSimilarity;
import org.tokenlens.engine.positions.SinusoidalEncoding;

/**
 * The kind switch and the parameters of the chosen kind, bound both ways to the {@link PositionsViewModel}.
 * Spinner ranges are deliberately loose: the engine decides what is valid and the view shows its message
 * (an odd d_model reads "dim must be even and ≥ 2: 7"), so the rules live in one place.
 */
final class ParameterForm extends FlowPane {

    private static final String SCALING_CONDITION = "tl-scaling-condition";
    final ComboBox<PositionKind> kind = new ComboBox<>();

    ParameterForm(PositionsViewModel vm) {
        super(14, 6);
        getStyleClass().add("positions-form");
        kind.setId("kind");
        kind.getItems().setAll(PositionKind.values());
        kind.valueProperty().bindBidirectional(vm.kindProperty());

        Node positions = field("positions", intSpinner("positions", vm.positionsProperty(), 0, 8192, 64));
        ComboBox<SinusoidalEncoding.Layout> layout = combo("layout", vm.layoutProperty(),
                List.of(SinusoidalEncoding.Layout.values()), l -> l == SinusoidalEncoding.Layout.INTERLEAVED
                        ? "Vaswani 2017 interleaved sin/cos" : "tensor2tensor concatenated sin|cos");
        Node[] sinusoidal = group(vm, PositionKind.SINUSOIDAL,
                field("d_model", intSpinner("dim", vm.dimProperty(), 0, 4096, 2)),
                field("base", doubleSpinner("base", vm.baseProperty(), 0, 1e9, 1000)),
                field("layout", layout));

        ComboBox<RopeScalingType> scaling = combo("scaling", vm.scalingProperty(), List.of(RopeScalingType.values()),
                RopeScalingType::toString);
        Node factor = field("factor", doubleSpinner("factor", vm.factorProperty(), 0, 1e4, 1));
        Node low = field("low_freq_factor", doubleSpinner("lowFreqFactor", vm.lowFreqFactorProperty(), 0, 1e4, 1));
        Node high = field("high_freq_factor", doubleSpinner("highFreqFactor", vm.highFreqFactorProperty(), 0, 1e4, 1));
        Node fast = field("beta_fast", doubleSpinner("betaFast", vm.betaFastProperty(), 0, 1e4, 1));
        Node slow = field("beta_slow", doubleSpinner("betaSlow", vm.betaSlowProperty(), 0, 1e4, 1));
        showWhen(factor, vm, t -> t.hasFactor());
        showWhen(low, vm, RopeScalingType::hasFreqFactors);
        showWhen(high, vm, RopeScalingType::hasFreqFactors);
        showWhen(fast, vm, RopeScalingType::hasBetas);
        showWhen(slow, vm, RopeScalingType::hasBetas);
        CheckBox wrap = new CheckBox("angles mod 2π");
        wrap.getStyleClass().add("field-check");
        wrap.setId("wrapAngles");
        wrap.selectedProperty().bindBidirectional(vm.wrapAnglesProperty());
        Node[] rope = group(vm, PositionKind.ROPE,
                field("base θ", doubleSpinner("ropeBase", vm.ropeBaseProperty(), 0, 1e9, 10000)),
                field("head dim", intSpinner("headDim", vm.headDimProperty(), 0, 1024, 2)),
                field("partial rotary", doubleSpinner("partialRotary", vm.partialRotaryProperty(), 0, 2, 0.05)),
                field("context", intSpinner("context", vm.contextProperty(), 0, 1 << 20, 1024)),
                field("rope_scaling", scaling), factor, low, high, fast, slow, wrap);

        CheckBox causal = new CheckBox("causal mask");
        causal.setId("causal");
        causal.selectedProperty().bindBidirectional(vm.causalProperty());
        Node[] alibi = group(vm, PositionKind.ALIBI,
                field("heads", intSpinner("heads", vm.headsProperty(), 0, 256, 1)),
                field("head", intSpinner("head", vm.headProperty(), -1, 255, 1)), causal);

        ComboBox<PositionSimilarity.Measure> measure = combo("measure", vm.measureProperty(),
                List.of(PositionSimilarity.Measure.values()), m -> m == PositionSimilarity.Measure.DOT ? "dot" : "cosine");
        Node similarity = field("similarity", measure);
        showWhenKind(similarity, vm, k -> k != PositionKind.ALIBI);
        getChildren().addAll(field("kind", kind), positions);
        getChildren().addAll(sinusoidal);
        getChildren().addAll(rope);
        getChildren().addAll(alibi);
        getChildren().add(similarity);
    }

    private static HBox field(String label, Node control) {
        Label l = new Label(label);
        l.getStyleClass().add("field-label");
        l.setLabelFor(control);
        HBox box = new HBox(5, l, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** The fields of one kind, shown only for it; flat in the form so that they wrap like the rest. */
    private static Node[] group(PositionsViewModel vm, PositionKind kind, Node... fields) {
        for (Node f : fields) {
            BooleanBinding kindShown = Bindings.createBooleanBinding(() -> vm.kindProperty().get() == kind,
                    vm.kindProperty());
            // a field may also depend on the scaling type: keep that condition and add the kind's
            f.visibleProperty().bind(f.visibleProperty().isBound() ? kindShown.and(scalingCondition(f)) : kindShown);
            f.managedProperty().bind(f.visibleProperty());
        }
        return fields;
    }

    private static javafx.beans.value.ObservableBooleanValue scalingCondition(Node f) {
        return (javafx.beans.value.ObservableBooleanValue) f.getProperties().get(SCALING_CONDITION);
    }

    private static void showWhenKind(Node n, PositionsViewModel vm, java.util.function.Predicate<PositionKind> when) {
        n.visibleProperty().bind(Bindings.createBooleanBinding(() -> when.test(vm.kindProperty().get()),
                vm.kindProperty()));
        n.managedProperty().bind(n.visibleProperty());
    }

    private static void showWhen(Node n, PositionsViewModel vm, java.util.function.Predicate<RopeScalingType> when) {
        BooleanBinding b = Bindings.createBooleanBinding(() -> when.test(vm.scalingProperty().get()),
                vm.scalingProperty());
        n.getProperties().put(SCALING_CONDITION, b);
        n.visibleProperty().bind(b);
    }

    private static <T> ComboBox<T> combo(String id, ObjectProperty<T> property, List<T> items,
            java.util.function.Function<T, String> text) {
        ComboBox<T> c = new ComboBox<>();
        c.setId(id);
        c.getItems().setAll(items);
        c.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return items.stream().filter(t -> text.apply(t).equals(s)).findFirst().orElse(null);
            }
        });
        c.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        c.valueProperty().bindBidirectional(property);
        return c;
    }

    private static Spinner<Integer> intSpinner(String id, ObjectProperty<Integer> property, int min, int max,
            int step) {
        SpinnerValueFactory.IntegerSpinnerValueFactory f =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, property.get(), step);
        f.setConverter(lenient(Integer::valueOf, f::getValue));
        return spinner(id, f, property, 5);
    }

    private static Spinner<Double> doubleSpinner(String id, ObjectProperty<Double> property, double min, double max,
            double step) {
        SpinnerValueFactory.DoubleSpinnerValueFactory f =
                new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, property.get(), step);
        f.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString(v.longValue())
                        : Double.toString(v);
            }

            @Override
            public Double fromString(String s) {
                try {
                    return Double.valueOf(s.strip());
                } catch (NumberFormatException e) {
                    return f.getValue(); // not a number: keep the last value rather than throw in the skin
                }
            }
        });
        return spinner(id, f, property, 6);
    }

    private static <T> Spinner<T> spinner(String id, SpinnerValueFactory<T> f, ObjectProperty<T> property,
            int width) {
        Spinner<T> s = new Spinner<>(f);
        s.setId(id);
        s.setEditable(true);
        s.getEditor().setPrefColumnCount(width); // in characters: wide enough in presentation mode too
        f.valueProperty().bindBidirectional(property);
        return s;
    }

    private static <T> StringConverter<T> lenient(java.util.function.Function<String, T> parse,
            java.util.function.Supplier<T> current) {
        return new StringConverter<>() {
            @Override
            public String toString(T v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public T fromString(String s) {
                try {
                    return parse.apply(s.strip());
                } catch (RuntimeException e) {
                    return current.get();
                }
            }
        };
    }
}
