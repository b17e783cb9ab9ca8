/**
 * Lessons: classroom sessions scripted as {@code lessons/*.yaml} (format in {@code lessons/README.md}).
 *
 * <pre>
 *  LessonLibrary / LessonLoader ──▶ LessonSet (lessons + LessonErrors with file:line:column)
 *        YAML nodes (SnakeYAML, line numbers kept) ──LessonParser──▶ Lesson ─ Step ─ Action, Focus, Checkpoint
 *        lessons/de/*.yaml ──LessonTranslation──▶ the English node tree with the German texts in place, parsed again
 *
 *  LessonSession (the player model: current step, back/next, answers, hints, completion, progress)
 *        └─ LessonRunner ──▶ Lab (real server, client, gates)     └─ ProgressStore (~/.roundtrip/progress.json)
 *               └─ Readouts: every ReadoutCatalog name computed from the Recording, the queue run
 *                  or the NagleExperiment; Checker judges answers against them
 *  LessonDryRun: a teacher's rehearsal (CLI {@code lesson run}, tests)
 * </pre>
 */
package dev.roundtrip.lesson;
