/**
 * Recordings on disk and their other shapes: the {@code *.roundtrip.json} format, HAR 1.2, Mermaid
 * and PlantUML. The schema is documented in {@code docs/recording-format.md}.
 *
 * <h2>What the UI calls</h2>
 * <table>
 *   <caption>entry points</caption>
 *   <tr><th>menu / action</th><th>call</th></tr>
 *   <tr><td>File → Open, drag and drop, Open Recent</td>
 *       <td>{@link dev.roundtrip.record.RecordingFiles#open(java.nio.file.Path)}: a recording or a HAR, a new
 *       {@link dev.roundtrip.record.Recording} or a {@link dev.roundtrip.record.RecordingFormatException} whose
 *       {@code getMessage()} is ready to show (file:line:column: path: what was expected, found). Run it off the
 *       FX thread; a 200 MiB file takes seconds.</td></tr>
 *   <tr><td>File → Save</td><td>{@link dev.roundtrip.record.RecordingFiles#save(Recording, java.nio.file.Path)} (atomic;
 *       the live recording may keep growing meanwhile)</td></tr>
 *   <tr><td>Export HAR / Mermaid / PlantUML</td>
 *       <td>{@link dev.roundtrip.record.RecordingFiles#saveHar}; {@link dev.roundtrip.record.MermaidDiagram#of(Recording)} or
 *       {@code of(Exchange)}, {@link dev.roundtrip.record.PlantUmlDiagram#of(Recording)}, written with
 *       {@link dev.roundtrip.record.RecordingFiles#saveText}</td></tr>
 *   <tr><td>recent files</td><td>{@link dev.roundtrip.record.RecentFiles#load()}, {@code add} after a successful open or
 *       save, {@code list} for the menu, {@code remove} when a listed file is gone</td></tr>
 *   <tr><td>autosave</td><td>{@link dev.roundtrip.record.Autosave#start(Recording)} with the live recording at session
 *       start; {@link dev.roundtrip.record.Autosave#discard()} on a clean exit; at start
 *       {@link dev.roundtrip.record.Autosave#leftovers()} → offer restore → {@code RecordingFiles.open} →
 *       {@link dev.roundtrip.record.Autosave#deleteLeftover}</td></tr>
 *   <tr><td>replay</td><td>the loaded {@link dev.roundtrip.record.Recording} itself (same path as live); stage spans
 *       from {@link dev.roundtrip.record.StageTimes}</td></tr>
 *   <tr><td>re-send: what differs</td><td>{@link dev.roundtrip.record.ExchangeDiff#between}</td></tr>
 * </table>
 */
package dev.roundtrip.record;
