package dev.roundtrip.ui.lessons;

import static dev.roundtrip.ui.FxWait.fx;
import static dev.roundtrip.ui.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.ui.LiveWindow;
import dev.roundtrip.ui.WindowOnScreen;
import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The lesson browser at 1024x768: a goal that wraps has its later lines start under its first word, not under its bullet. */
@ExtendWith(ApplicationExtension.class)
class LessonBrowserGoalsFxTest {
    @RegisterExtension
    final WindowOnScreen display = new WindowOnScreen();
    private Stage stage;
    private LiveWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aWrappedGoalsSecondLineStartsUnderItsFirstWord() {
        // German goals are the longest (lesson 05's is 116 characters): some wrap at this width
        window = display.show(stage, 1024, 768, Locale.GERMAN);
        fx(() -> window.view.lessons().browse());
        waitUntil("the browser lists lessons", () -> !window.view.lessons().browserViewModel().rows().isEmpty());
        Scene browser = fx(() -> window.view.lessons().browser().stage().getScene());
        ListView<?> list = (ListView<?>) fx(() -> browser.lookup("#lessonList"));
        int wrapped = 0;
        for (int i = 0; i < fx(() -> list.getItems().size()); i++) {
            int row = i;
            // the cells a scroll brings are made on layout and skinned on the CSS pass after it
            fx(() -> {
                list.scrollTo(row);
                dev.roundtrip.ui.LayoutCheck.settle(list);
            });
            // the list keeps spare cells, hidden and perhaps never skinned: only the cells on screen count
            for (Node goal : fx(() -> dev.roundtrip.ui.LayoutCheck.shownOnly(list.lookupAll(".browser-goals")))) {
                Label label = (Label) goal;
                Text text = (Text) fx(() -> label.lookup(".text"));
                assertThat(text).as("the text of a goal on screen").isNotNull();
                String shown = fx(() -> text.getText());
                String words = fx(() -> label.getText().replaceFirst("^\\W+", ""));
                int first = shown.indexOf(words.substring(0, Math.min(10, words.length())));
                assertThat(first).as("the goal's words '%s' in its text '%s'", words, shown).isNotNegative();
                Point2D start = fx(() -> caret(text, first));
                Point2D secondLine = null;
                for (int c = first + 1; c < shown.length() && secondLine == null; c++) {
                    int at = c;
                    Point2D p = fx(() -> caret(text, at));
                    if (p.getY() > start.getY() + 1) secondLine = p;
                }
                if (secondLine == null) continue;
                wrapped++;
                assertThat(secondLine.getX()).as("the x of the second line of goal '%s' (its first word at x %.1f)", words, start.getX())
                        .isCloseTo(start.getX(), org.assertj.core.data.Offset.offset(0.5));
            }
        }
        assertThat(wrapped).as("goals that wrap at 1024x768 in German").isPositive();
        fx(() -> { window.view.lessons().browser().stage().hide(); });
    }

    /** Where the character at {@code index} of {@code text} begins, in the scene. */
    private static Point2D caret(Text text, int index) {
        for (PathElement e : text.caretShape(index, true)) {
            if (e instanceof MoveTo m) return text.localToScene(m.getX(), m.getY());
        }
        throw new AssertionError("no caret for character " + index + " of '" + text.getText() + "'");
    }
}
