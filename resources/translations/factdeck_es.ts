<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" />
            <source>About Factdeck</source>
            <translation>Acerca de Factdeck</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" />
            <source>An offline fact browser for teaching with sources.</source>
            <translation>Un explorador de hechos sin conexión para enseñar con fuentes.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" />
            <source>Factdeck is free software under the MIT licence:</source>
            <translation>Factdeck es software libre con licencia MIT:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" />
            <source>Factdeck {version}</source>
            <translation>Factdeck {version}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" />
            <location filename="../../desktop/ui/about_dialog.py" />
            <location filename="../../desktop/ui/about_dialog.py" />
            <source>Licence</source>
            <translation>Licencia</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" />
            <source>The licence files are missing from this installation.</source>
            <translation>Faltan los archivos de licencia en esta instalación.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" />
            <location filename="../../desktop/ui/about_dialog.py" />
            <source>Third-party notices</source>
            <translation>Avisos de terceros</translation>
        </message>
    </context>
    <context>
        <name>Authoring</name>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>&amp;Add to lesson</source>
            <translation>&amp;Añadir a la lección</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>&amp;Edit</source>
            <translation>&amp;Editar</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>&amp;Lesson editor</source>
            <translation>Editor de &amp;lecciones</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>&amp;Make your own dataset</source>
            <translation>&amp;Cree su propio conjunto de datos</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>&amp;New dataset…</source>
            <translation>&amp;Nuevo conjunto de datos…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>&amp;Redo</source>
            <translation>&amp;Rehacer</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>&amp;Redo {what}</source>
            <translation>&amp;Rehacer: {what}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>&amp;Save</source>
            <translation>&amp;Guardar</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>&amp;Undo</source>
            <translation>&amp;Deshacer</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>&amp;Undo {what}</source>
            <translation>&amp;Deshacer: {what}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>Add the focused fact as the next step of the lesson in the lesson editor</source>
            <translation>Añade el hecho seleccionado como siguiente paso de la lección abierta en el editor de lecciones</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>Change a citation of the focused fact: its quote, claim type, stance, locator, note or source</source>
            <translation>Cambia una cita del hecho seleccionado: su texto citado, tipo de afirmación, postura, ubicación, nota o fuente</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>Changed on disk</source>
            <translation>Cambiado en el disco</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>Choose a folder for the new dataset</source>
            <translation>Elija una carpeta para el nuevo conjunto de datos</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>Click a fact first, then add it to the lesson.</source>
            <translation>Primero haga clic en un hecho y luego añádalo a la lección.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>Close without saving</source>
            <translation>Cerrar sin guardar</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>Edit &amp;focused fact…</source>
            <translation>Editar el &amp;hecho seleccionado…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>Edit c&amp;itation…</source>
            <translation>Editar c&amp;ita…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>Edit s&amp;ource…</source>
            <translation>Editar la f&amp;uente…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>Edit step</source>
            <translation>editar el paso</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>Move step</source>
            <translation>mover el paso</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>New &amp;citation…</source>
            <translation>Nueva &amp;cita…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>New &amp;event…</source>
            <translation>Nuevo &amp;evento…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>New &amp;source…</source>
            <translation>Nueva &amp;fuente…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>New &amp;value…</source>
            <translation>Nuevo &amp;valor…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>No new dataset</source>
            <translation>No se creó el conjunto de datos</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>Not changed: {problem}</source>
            <translation>Sin cambios: {problem}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>Not saved</source>
            <translation>No se guardó</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>Remove step</source>
            <translation>quitar el paso</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>Rename lesson</source>
            <translation>cambiar el nombre de la lección</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>Save</source>
            <translation>Guardar</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>Save &amp;As…</source>
            <translation>Guardar &amp;como…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>Save As…</source>
            <translation>Guardar como…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>Save the dataset in a folder</source>
            <translation>Guardar el conjunto de datos en una carpeta</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>Saved in {folder}</source>
            <translation>Guardado en {folder}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>The bundled dataset cannot change: choose a folder for your own copy.</source>
            <translation>El conjunto de datos incluido no se puede modificar: elija una carpeta para su propia copia.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>Unsaved changes</source>
            <translation>Cambios sin guardar</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>You have changes that are not saved. Save them before closing?</source>
            <translation>Hay cambios sin guardar. ¿Desea guardarlos antes de cerrar?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/authoring_actions.py" />
            <source>{files} changed on disk since you opened this dataset (another program, or another copy of Factdeck). Saving here would lose those changes. Save your version in another folder instead?</source>
            <translation>{files} cambió en el disco desde que abrió este conjunto de datos (otro programa u otra copia de Factdeck). Si guarda aquí, esos cambios se perderán. ¿Desea guardar su versión en otra carpeta?</translation>
        </message>
    </context>
    <context>
        <name>ChartPane</name>
        <message>
            <location filename="../../desktop/ui/chart_pane.py" />
            <source>Chart of the chosen series</source>
            <translation>Gráfica de las series elegidas</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/chart_pane.py" />
            <source>Export chart…</source>
            <translation>Exportar gráfica…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/chart_pane.py" />
            <source>Link to timeline</source>
            <translation>Vincular a la línea de tiempo</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/chart_pane.py" />
            <source>Log scale</source>
            <translation>Escala logarítmica</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/chart_pane.py" />
            <source>Other series</source>
            <translation>Otras series</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/chart_pane.py" />
            <source>Save the chart as a PNG or SVG image, with its title, units and sources</source>
            <translation>Guarda la gráfica como imagen PNG o SVG, con su título, unidades y fuentes</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/chart_pane.py" />
            <location filename="../../desktop/ui/chart_pane.py" />
            <source>Series to show</source>
            <translation>Series que se muestran</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/chart_pane.py" />
            <source>Show all</source>
            <translation>Mostrar todo</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/chart_pane.py" />
            <source>Show the whole span of the chosen series</source>
            <translation>Muestra todo el periodo de las series elegidas</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/chart_pane.py" />
            <source>Show values on a logarithmic scale</source>
            <translation>Muestra los valores en escala logarítmica</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/chart_pane.py" />
            <source>Zooming or panning the chart or the timeline moves the other</source>
            <translation>Acercar o desplazar la gráfica o la línea de tiempo mueve también la otra</translation>
        </message>
    </context>
    <context>
        <name>CitationExport</name>
        <message>
            <location filename="../../desktop/ui/citation_export.py" />
            <source>A lesson:</source>
            <translation>Una lección:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_export.py" />
            <source>Bibliography format</source>
            <translation>Formato de la bibliografía</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_export.py" />
            <source>Bibliography not saved</source>
            <translation>No se guardó la bibliografía</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_export.py" />
            <location filename="../../desktop/ui/citation_export.py" />
            <source>Export bibliography</source>
            <translation>Exportar bibliografía</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_export.py" />
            <source>Format:</source>
            <translation>Formato:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_export.py" />
            <source>Lesson to export</source>
            <translation>Lección que se exportará</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_export.py" />
            <source>Save a list of the sources, ready for a worksheet or a reference manager.</source>
            <translation>Guarde una lista de las fuentes, lista para una hoja de trabajo o un gestor de referencias.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_export.py" />
            <source>Save…</source>
            <translation>Guardar…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_export.py" />
            <source>Text</source>
            <translation>Texto</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_export.py" />
            <source>The bibliography could not be saved.

{reason}

Try again and choose another folder, such as your Documents folder.</source>
            <translation>No se pudo guardar la bibliografía.

{reason}

Inténtelo de nuevo y elija otra carpeta, como su carpeta Documentos.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_export.py" />
            <source>This dataset has no lessons.</source>
            <translation>Este conjunto de datos no tiene lecciones.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_export.py" />
            <source>What is shown now ({count} sources)</source>
            <translation>Lo que se muestra ahora ({count} fuentes)</translation>
        </message>
    </context>
    <context>
        <name>CitationPane</name>
        <message>
            <location filename="../../desktop/ui/citation_cards.py" />
            <source>Academic paper</source>
            <translation>Artículo académico</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_cards.py" />
            <source>Accessed {date}</source>
            <translation>Consultado el {date}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_cards.py" />
            <source>Asks first, and shows which website it will open.</source>
            <translation>Pregunta antes y muestra qué sitio web abrirá.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_pane.py" />
            <source>Citation style</source>
            <translation>Estilo de cita</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_pane.py" />
            <source>Citations</source>
            <translation>Citas</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_pane.py" />
            <source>Citing</source>
            <translation>Citar</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_cards.py" />
            <source>Claim type: {label}</source>
            <translation>Tipo de afirmación: {label}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_pane.py" />
            <source>Copied the {style} citation of {count} source(s) to the clipboard.</source>
            <translation>Se copió al portapapeles la cita en estilo {style} de {count} fuente(s).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_pane.py" />
            <source>Copy citation</source>
            <translation>Copiar cita</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_pane.py" />
            <source>Copy the citation of the selected fact's sources</source>
            <translation>Copiar la cita de las fuentes del hecho seleccionado</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_cards.py" />
            <source>Counted in {unit}</source>
            <translation>Medido en {unit}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_cards.py" />
            <source>Court record</source>
            <translation>Expediente judicial</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_pane.py" />
            <source>Every source, and how many facts each one backs</source>
            <translation>Todas las fuentes y cuántos hechos respalda cada una</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_pane.py" />
            <source>Export a bibliography to a file</source>
            <translation>Exportar una bibliografía a un archivo</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_pane.py" />
            <source>Export bibliography…</source>
            <translation>Exportar bibliografía…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_cards.py" />
            <source>Government data</source>
            <translation>Datos oficiales</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_cards.py" />
            <source>Government report</source>
            <translation>Informe oficial</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_cards.py" />
            <source>News report</source>
            <translation>Noticia</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_cards.py" />
            <source>No source is cited for this value.</source>
            <translation>No se cita ninguna fuente para este valor.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_cards.py" />
            <source>Note: {note}</source>
            <translation>Nota: {note}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_pane.py" />
            <source>Nothing in this dataset is called {target}.</source>
            <translation>Nada en este conjunto de datos se llama {target}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_pane.py" />
            <source>Nothing to export: no source is cited for what you chose.</source>
            <translation>Nada que exportar: no se cita ninguna fuente para lo que eligió.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_cards.py" />
            <source>Open in browser…</source>
            <translation>Abrir en el navegador…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_cards.py" />
            <source>Open the source in your web browser</source>
            <translation>Abrir la fuente en su navegador web</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_cards.py" />
            <source>Opinion piece</source>
            <translation>Artículo de opinión</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_cards.py" />
            <source>Other document</source>
            <translation>Otro documento</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_cards.py" />
            <source>Press release</source>
            <translation>Comunicado de prensa</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_cards.py" />
            <source>Quotation</source>
            <translation>Cita textual</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_cards.py" />
            <source>Reference work</source>
            <translation>Obra de consulta</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_pane.py" />
            <source>Saved {count} source(s) to {path}.</source>
            <translation>Se guardaron {count} fuente(s) en {path}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_pane.py" />
            <source>Select an event on the timeline or a point on the chart to see who says so.</source>
            <translation>Seleccione un evento en la línea de tiempo o un punto en la gráfica para ver quién lo dice.</translation>
        </message>
        <message>
            <source>Source: {source}</source>
            <translation type="vanished">Fuente: {source}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_pane.py" />
            <source>Sources</source>
            <translation>Fuentes</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_cards.py" />
            <source>Testimony</source>
            <translation>Testimonio</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_cards.py" />
            <location filename="../../desktop/ui/citation_cards.py" />
            <source>The same source as above.</source>
            <translation>La misma fuente que arriba.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_pane.py" />
            <source>The style used by Copy citation and Export bibliography: APA 7th edition, MLA 9th edition, Chicago author-date, or the BibTeX, RIS and CSL-JSON formats of reference managers</source>
            <translation>El estilo que usan Copiar cita y Exportar bibliografía: APA 7.ª edición, MLA 9.ª edición, Chicago autor-fecha, o los formatos BibTeX, RIS y CSL-JSON de los gestores de referencias</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_cards.py" />
            <source>Web address of the source</source>
            <translation>Dirección web de la fuente</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_cards.py" />
            <source>Where: {locator}</source>
            <translation>Dónde: {locator}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_pane.py" />
            <location filename="../../desktop/ui/citation_pane.py" />
            <source>Who says so about the selected fact</source>
            <translation>Quién dice qué sobre el hecho seleccionado</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_cards.py" />
            <source>cited for the whole series</source>
            <translation>citada para toda la serie</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_cards.py" />
            <source>n.d.</source>
            <translation>s. f.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_cards.py" />
            <source>none</source>
            <translation>ninguno</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_cards.py" />
            <source>{amount} ({qualifier})</source>
            <translation>{amount} ({qualifier})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_cards.py" />
            <source>{qualifier} {amount}</source>
            <translation>{qualifier} {amount}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/citation_cards.py" />
            <source>{title}, {date}. Claim types: {claims}.</source>
            <translation>{title}, {date}. Tipos de afirmación: {claims}.</translation>
        </message>
    </context>
    <context>
        <name>ExportActions</name>
        <message>
            <location filename="../../desktop/ui/export_actions.py" />
            <source>&amp;Export</source>
            <translation>&amp;Exportar</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_actions.py" />
            <source>A title page, a section per step with its chart and quotes, and the sources.</source>
            <translation>Una portada, una sección por paso con su gráfica y sus citas, y las fuentes.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_actions.py" />
            <source>A4</source>
            <translation>A4</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_actions.py" />
            <source>CSV for spreadsheets (*.csv)</source>
            <translation>CSV para hojas de cálculo (*.csv)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_actions.py" />
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_actions.py" />
            <source>Data &amp;Package…</source>
            <translation>Data &amp;Package…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_actions.py" />
            <source>Data as &amp;CSV…</source>
            <translation>Datos como &amp;CSV…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_actions.py" />
            <source>Export</source>
            <translation>Exportar</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_actions.py" />
            <source>Export cancelled; nothing was saved.</source>
            <translation>Exportación cancelada; no se guardó nada.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_actions.py" />
            <source>Export failed</source>
            <translation>No se pudo exportar</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_actions.py" />
            <source>Folder (*)</source>
            <translation>Carpeta (*)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_actions.py" />
            <source>Handout PDF</source>
            <translation>Material para repartir en PDF</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_actions.py" />
            <source>Handout PDF for a &amp;lesson…</source>
            <translation>Material para repartir en PDF de una &amp;lección…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_actions.py" />
            <source>Handout PDF of what is &amp;shown…</source>
            <translation>Material para repartir en PDF de lo que se &amp;muestra…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_actions.py" />
            <source>Lesson:</source>
            <translation>Lección:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_actions.py" />
            <source>Nothing was saved.

{reason}

Try again and choose another name or folder, such as one in your Documents folder.</source>
            <translation>No se guardó nada.

{reason}

Inténtelo de nuevo y elija otro nombre u otra carpeta, por ejemplo una dentro de su carpeta Documentos.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_actions.py" />
            <source>PDF document (*.pdf)</source>
            <translation>Documento PDF (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_actions.py" />
            <source>Paper:</source>
            <translation>Papel:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_actions.py" />
            <source>Replace folder?</source>
            <translation>¿Reemplazar la carpeta?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_actions.py" />
            <source>Save as a Data Package folder</source>
            <translation>Guardar como carpeta Data Package</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_actions.py" />
            <source>Save data as CSV</source>
            <translation>Guardar los datos como CSV</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_actions.py" />
            <source>Save handout</source>
            <translation>Guardar el material para repartir</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_actions.py" />
            <source>Saved {path}.</source>
            <translation>Se guardó {path}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_actions.py" />
            <source>Save…</source>
            <translation>Guardar…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_actions.py" />
            <source>Sources in:</source>
            <translation>Fuentes en:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_actions.py" />
            <source>The folder {path} already exists and is not empty. Replace it and everything in it?</source>
            <translation>La carpeta {path} ya existe y no está vacía. ¿Desea reemplazarla junto con todo su contenido?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_actions.py" />
            <source>US Letter</source>
            <translation>Carta (EE. UU.)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_actions.py" />
            <source>What is shown</source>
            <translation>Lo que se muestra</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_actions.py" />
            <source>Writing the CSV…</source>
            <translation>Escribiendo el CSV…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_actions.py" />
            <source>Writing the Data Package…</source>
            <translation>Escribiendo el Data Package…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_actions.py" />
            <source>Writing the handout…</source>
            <translation>Escribiendo el material para repartir…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_actions.py" />
            <source>{path} is a file. Choose a name for a new folder.</source>
            <translation>{path} es un archivo. Elija un nombre para una carpeta nueva.</translation>
        </message>
    </context>
    <context>
        <name>FactForm</name>
        <message>
            <location filename="../../desktop/ui/fact_form.py" />
            <source>(none)</source>
            <translation>(ninguno)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/fact_form.py" />
            <source>Citation</source>
            <translation>Cita</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/fact_form.py" />
            <source>Citation for {target}</source>
            <translation>Cita de {target}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/fact_form.py" />
            <source>Citation:</source>
            <translation>Cita:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/fact_form.py" />
            <location filename="../../desktop/ui/fact_form.py" />
            <source>Edit citation</source>
            <translation>Editar cita</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/fact_form.py" />
            <source>Edit event</source>
            <translation>Editar evento</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/fact_form.py" />
            <source>Edit series</source>
            <translation>Editar serie</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/fact_form.py" />
            <location filename="../../desktop/ui/fact_form.py" />
            <source>Edit source</source>
            <translation>Editar fuente</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/fact_form.py" />
            <location filename="../../desktop/ui/fact_form.py" />
            <source>Edit value</source>
            <translation>Editar valor</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/fact_form.py" />
            <source>Event, period or statement</source>
            <translation>Evento, periodo o declaración</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/fact_form.py" />
            <source>Fields marked * are required. Save is possible once every field is fine.</source>
            <translation>Los campos marcados con * son obligatorios. Podrá guardar cuando todos los campos estén bien.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/fact_form.py" />
            <location filename="../../desktop/ui/fact_form.py" />
            <source>Its source (a citation)</source>
            <translation>Su fuente (una cita)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/fact_form.py" />
            <source>Make your own dataset</source>
            <translation>Cree su propio conjunto de datos</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/fact_form.py" />
            <source>New citation</source>
            <translation>Nueva cita</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/fact_form.py" />
            <source>New citation for {target}</source>
            <translation>Nueva cita para {target}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/fact_form.py" />
            <location filename="../../desktop/ui/fact_form.py" />
            <source>New event</source>
            <translation>Nuevo evento</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/fact_form.py" />
            <location filename="../../desktop/ui/fact_form.py" />
            <source>New source</source>
            <translation>Nueva fuente</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/fact_form.py" />
            <location filename="../../desktop/ui/fact_form.py" />
            <source>New value</source>
            <translation>Nuevo valor</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/fact_form.py" />
            <source>Source</source>
            <translation>Fuente</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/fact_form.py" />
            <source>Source:</source>
            <translation>Fuente:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/fact_form.py" />
            <source>The dataset has no series to add a value to.</source>
            <translation>El conjunto de datos no tiene series a las que añadir un valor.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/fact_form.py" />
            <source>The focused fact has no citation to edit.</source>
            <translation>El hecho seleccionado no tiene ninguna cita que editar.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/fact_form.py" />
            <source>The guide "Make your own dataset" is in docs/make-your-own-dataset.md of the Factdeck source, linked from its README.</source>
            <translation>La guía «Cree su propio conjunto de datos» está en docs/make-your-own-dataset.md del código fuente de Factdeck, enlazada desde su README.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/fact_form.py" />
            <location filename="../../desktop/ui/fact_form.py" />
            <source>Value</source>
            <translation>Valor</translation>
        </message>
    </context>
    <context>
        <name>Handout</name>
        <message>
            <location filename="../../desktop/export/handout.py" />
            <source>Done</source>
            <translation>Listo</translation>
        </message>
        <message>
            <location filename="../../desktop/export/handout.py" />
            <source>Formatting the bibliography</source>
            <translation>Dando formato a la bibliografía</translation>
        </message>
        <message>
            <location filename="../../desktop/export/handout.py" />
            <source>Handout · {count} sections · sources in {style} style</source>
            <translation>Material para repartir · {count} secciones · fuentes en estilo {style}</translation>
        </message>
        <message>
            <location filename="../../desktop/export/handout.py" />
            <source>Handout · {count} steps · sources in {style} style</source>
            <translation>Material para repartir · {count} pasos · fuentes en estilo {style}</translation>
        </message>
        <message>
            <location filename="../../desktop/export/handout.py" />
            <source>Laying out the pages</source>
            <translation>Maquetando las páginas</translation>
        </message>
        <message>
            <location filename="../../desktop/export/handout.py" />
            <source>Made with Factdeck from the dataset “{name}”.</source>
            <translation>Hecho con Factdeck a partir del conjunto de datos «{name}».</translation>
        </message>
        <message>
            <location filename="../../desktop/export/handout_html.py" />
            <source>No citations.</source>
            <translation>Sin citas.</translation>
        </message>
        <message>
            <location filename="../../desktop/export/handout_html.py" />
            <source>Note:</source>
            <translation>Nota:</translation>
        </message>
        <message>
            <location filename="../../desktop/export/handout.py" />
            <source>Preparing the handout</source>
            <translation>Preparando el material para repartir</translation>
        </message>
        <message>
            <location filename="../../desktop/export/handout.py" />
            <source>Saving</source>
            <translation>Guardando</translation>
        </message>
        <message>
            <location filename="../../desktop/export/handout.py" />
            <source>Sources ({style})</source>
            <translation>Fuentes ({style})</translation>
        </message>
        <message>
            <location filename="../../desktop/export/handout.py" />
            <source>Step {n} of {count}</source>
            <translation>Paso {n} de {count}</translation>
        </message>
        <message>
            <location filename="../../desktop/export/handout.py" />
            <source>Step {n}. </source>
            <translation>Paso {n}. </translation>
        </message>
        <message>
            <location filename="../../desktop/export/handout_html.py" />
            <source>n.d.</source>
            <translation>s. f.</translation>
        </message>
        <message>
            <location filename="../../desktop/export/handout_html.py" />
            <source>{count} values, in {unit}</source>
            <translation>{count} valores, en {unit}</translation>
        </message>
        <message>
            <location filename="../../desktop/export/handout.py" />
            <source>{page} / {count}</source>
            <translation>{page} / {count}</translation>
        </message>
    </context>
    <context>
        <name>LanguageMenu</name>
        <message>
            <location filename="../../desktop/ui/language_actions.py" />
            <source>&amp;Language</source>
            <translation>&amp;Idioma</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/language_actions.py" />
            <source>Choose the interface language; it changes the next time Factdeck starts</source>
            <translation>Elija el idioma de la interfaz; cambia la próxima vez que se inicie Factdeck</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/language_actions.py" />
            <source>Factdeck will be in {language} the next time you start it.</source>
            <translation>Factdeck estará en {language} la próxima vez que lo abra.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/language_actions.py" />
            <source>Language</source>
            <translation>Idioma</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/language_actions.py" />
            <source>Same as the system ({language})</source>
            <translation>El del sistema ({language})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/language_actions.py" />
            <source>Show Factdeck in this language from the next start</source>
            <translation>Mostrar Factdeck en este idioma a partir del próximo inicio</translation>
        </message>
    </context>
    <context>
        <name>LessonEditor</name>
        <message>
            <location filename="../../desktop/ui/lesson_editor.py" />
            <source>Click a fact in any pane, then Edit › Add to lesson (Ctrl+L).</source>
            <translation>Haga clic en un hecho en cualquier panel y luego en Editar › Añadir a la lección (Ctrl+L).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/lesson_editor.py" />
            <source>Lesson editor</source>
            <translation>Editor de lecciones</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/lesson_editor.py" />
            <source>Lesson title</source>
            <translation>Título de la lección</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/lesson_editor.py" />
            <source>Move down</source>
            <translation>Bajar</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/lesson_editor.py" />
            <source>Move up</source>
            <translation>Subir</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/lesson_editor.py" />
            <location filename="../../desktop/ui/lesson_editor.py" />
            <location filename="../../desktop/ui/lesson_editor.py" />
            <source>New lesson</source>
            <translation>Nueva lección</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/lesson_editor.py" />
            <source>Presenter notes</source>
            <translation>Notas del presentador</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/lesson_editor.py" />
            <source>Remove</source>
            <translation>Quitar</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/lesson_editor.py" />
            <source>Step title (empty: the fact's own title)</source>
            <translation>Título del paso (vacío: el título del propio hecho)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/lesson_editor.py" />
            <source>Try it</source>
            <translation>Probar</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>&amp;About Factdeck</source>
            <translation>Acerca &amp;de Factdeck</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>&amp;File</source>
            <translation>&amp;Archivo</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>&amp;Help</source>
            <translation>Ay&amp;uda</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>&amp;Open dataset…</source>
            <translation>&amp;Abrir conjunto de datos…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>&amp;Present</source>
            <translation>&amp;Presentar</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>&amp;Quit</source>
            <translation>&amp;Salir</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>&amp;View</source>
            <translation>&amp;Ver</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Main toolbar</source>
            <translation>Barra de herramientas principal</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Open a dataset folder</source>
            <translation>Abrir una carpeta de conjunto de datos</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Open another dataset folder</source>
            <translation>Abrir otra carpeta de conjunto de datos</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Opening dataset…</source>
            <translation>Abriendo el conjunto de datos…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Opening {folder}…</source>
            <translation>Abriendo {folder}…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>{events} events · {series} series · {sources} sources</source>
            <translation>{events} eventos · {series} series · {sources} fuentes</translation>
        </message>
    </context>
    <context>
        <name>Presentation</name>
        <message>
            <location filename="../../desktop/ui/presentation.py" />
            <source>Presentation</source>
            <translation>Presentación</translation>
        </message>
    </context>
    <context>
        <name>PresentationBar</name>
        <message>
            <location filename="../../desktop/ui/presentation.py" />
            <source>{number} / {count}</source>
            <translation>{number} / {count}</translation>
        </message>
    </context>
    <context>
        <name>PresentationController</name>
        <message>
            <location filename="../../desktop/ui/presentation.py" />
            <source>&amp;Reveal step by step (R)</source>
            <translation>&amp;Revelar paso a paso (R)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" />
            <source>Exit</source>
            <translation>Salir</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" />
            <location filename="../../desktop/ui/presentation.py" />
            <source>Facts in time</source>
            <translation>Hechos en el tiempo</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" />
            <source>Full screen, large type, step through a lesson with the arrow keys or a clicker</source>
            <translation>Pantalla completa, letra grande; avance por una lección con las flechas o con un control de presentación</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" />
            <source>No facts match the filters.</source>
            <translation>Ningún hecho coincide con los filtros.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" />
            <source>Notes</source>
            <translation>Notas</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" />
            <source>Presenter &amp;notes (N)</source>
            <translation>&amp;Notas del presentador (N)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" />
            <source>Presenter notes (N)</source>
            <translation>Notas del presentador (N)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" />
            <source>Projector theme: &amp;dark</source>
            <translation>Tema del proyector: &amp;oscuro</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" />
            <source>Projector theme: &amp;light</source>
            <translation>Tema del proyector: &amp;claro</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" />
            <source>Reveal</source>
            <translation>Revelar</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" />
            <source>Start &amp;presenting</source>
            <translation>&amp;Empezar a presentar</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" />
            <source>Stop (Esc)</source>
            <translation>Detener (Esc)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" />
            <source>Stop presenting (Esc)</source>
            <translation>Dejar de presentar (Esc)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presentation.py" />
            <source>The chart hides values after the current step's date, so the class can guess what comes next</source>
            <translation>La gráfica oculta los valores posteriores a la fecha del paso actual, para que la clase adivine lo que viene</translation>
        </message>
    </context>
    <context>
        <name>PresenterNotes</name>
        <message>
            <location filename="../../desktop/ui/presenter_notes.py" />
            <source>(No notes for this step.)</source>
            <translation>(Este paso no tiene notas.)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presenter_notes.py" />
            <source>Next: {title}</source>
            <translation>Siguiente: {title}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presenter_notes.py" />
            <source>Presenter notes — Factdeck</source>
            <translation>Notas del presentador — Factdeck</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presenter_notes.py" />
            <source>Step {number} of {count} · {path}</source>
            <translation>Paso {number} de {count} · {path}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presenter_notes.py" />
            <source>This is the last step.</source>
            <translation>Este es el último paso.</translation>
        </message>
    </context>
    <context>
        <name>ProblemsDialog</name>
        <message>
            <location filename="../../desktop/ui/problems_dialog.py" />
            <source>Copy list</source>
            <translation>Copiar la lista</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/problems_dialog.py" />
            <source>Dataset not opened</source>
            <translation>No se abrió el conjunto de datos</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/problems_dialog.py" />
            <source>Problems found</source>
            <translation>Problemas encontrados</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/problems_dialog.py" />
            <source>{folder} was not opened because it has {count} problem(s). The dataset already open stays open. Fix these in the files and open it again:</source>
            <translation>No se abrió {folder} porque tiene {count} problema(s). El conjunto de datos que ya estaba abierto sigue abierto. Corrija esto en los archivos y vuelva a abrirlo:</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Atajos de teclado</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <source>Alt with the menu's underlined letter</source>
            <translation>Alt con la letra subrayada del menú</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <source>Anywhere in the window</source>
            <translation>En cualquier parte de la ventana</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <source>Black screen (any key brings the slide back)</source>
            <translation>Pantalla negra (cualquier tecla vuelve a la diapositiva)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <source>Command</source>
            <translation>Orden</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <source>Each command with its keys, grouped by where it works</source>
            <translation>Cada orden con sus teclas, agrupadas según dónde funcionan</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <source>Every key Factdeck answers to</source>
            <translation>Todas las teclas a las que responde Factdeck</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <source>First or last fact</source>
            <translation>Primer o último hecho</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <source>First step</source>
            <translation>Primer paso</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <source>Keyboard shortcuts</source>
            <translation>Atajos de teclado</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <source>Keys</source>
            <translation>Teclas</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <source>Larger, smaller or normal type</source>
            <translation>Letra más grande, más pequeña o normal</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <source>Last step</source>
            <translation>Último paso</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <source>Lesson editor: the list of steps</source>
            <translation>Editor de lecciones: la lista de pasos</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <source>Move the step up or down</source>
            <translation>Subir o bajar el paso</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <source>Move the view earlier or later</source>
            <translation>Mover la vista hacia antes o después</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <source>Moving around</source>
            <translation>Desplazarse</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <source>Next or previous control</source>
            <translation>Control siguiente o anterior</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <source>Next or previous fact in time</source>
            <translation>Hecho siguiente o anterior en el tiempo</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <source>Next step</source>
            <translation>Paso siguiente</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <source>Open a menu</source>
            <translation>Abrir un menú</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <source>Presenter notes on or off</source>
            <translation>Mostrar u ocultar las notas del presentador</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <source>Presenting (Present › Start presenting)</source>
            <translation>Al presentar (Presentar › Empezar a presentar)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <source>Previous step</source>
            <translation>Paso anterior</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <source>Remove the step</source>
            <translation>Quitar el paso</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <source>Reveal step by step on or off</source>
            <translation>Activar o desactivar Revelar paso a paso</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <source>Stop presenting</source>
            <translation>Dejar de presentar</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <source>Switch between the Citations and Sources tabs</source>
            <translation>Cambiar entre las pestañas Citas y Fuentes</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <source>Timeline</source>
            <translation>Línea de tiempo</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <source>White screen (any key brings the slide back)</source>
            <translation>Pantalla blanca (cualquier tecla vuelve a la diapositiva)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shortcuts_dialog.py" />
            <source>Zoom in or out</source>
            <translation>Acercar o alejar</translation>
        </message>
    </context>
    <context>
        <name>SourcesView</name>
        <message>
            <location filename="../../desktop/ui/sources_view.py" />
            <source>Choose a source to show only the facts it backs.</source>
            <translation>Elija una fuente para mostrar solo los hechos que respalda.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sources_view.py" />
            <source>Facts</source>
            <translation>Hechos</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sources_view.py" />
            <source>How many facts this source is cited for</source>
            <translation>Para cuántos hechos se cita esta fuente</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sources_view.py" />
            <source>Show all</source>
            <translation>Mostrar todo</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sources_view.py" />
            <source>Show facts from every source</source>
            <translation>Mostrar los hechos de todas las fuentes</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sources_view.py" />
            <source>Showing facts from every source. Choose one to see only what it backs.</source>
            <translation>Se muestran los hechos de todas las fuentes. Elija una para ver solo lo que respalda.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sources_view.py" />
            <source>Showing only facts from: {title}</source>
            <translation>Solo se muestran los hechos de: {title}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sources_view.py" />
            <source>Source</source>
            <translation>Fuente</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sources_view.py" />
            <source>Sources</source>
            <translation>Fuentes</translation>
        </message>
    </context>
    <context>
        <name>TimelinePane</name>
        <message>
            <location filename="../../desktop/ui/timeline_pane.py" />
            <source>(the focused fact is hidden by the filters)</source>
            <translation>(los filtros ocultan el hecho seleccionado)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_filterbar.py" />
            <location filename="../../desktop/ui/timeline_filterbar.py" />
            <source>Categories</source>
            <translation>Categorías</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_text.py" />
            <source>Click or zoom in to see them apart.</source>
            <translation>Haga clic o acerque la vista para verlos por separado.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_text.py" />
            <source>Disputed: another source disagrees</source>
            <translation>En disputa: otra fuente no está de acuerdo</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_text.py" />
            <source>Event</source>
            <translation>Evento</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_pane.py" />
            <source>Events, periods and standing statements in lanes by category. Left and Right move between facts, plus and minus zoom, Ctrl+arrows pan.</source>
            <translation>Eventos, periodos y declaraciones vigentes en carriles por categoría. Izquierda y Derecha pasan de un hecho a otro, más y menos acercan y alejan, Ctrl+flechas desplazan la vista.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_filterbar.py" />
            <source>Facts shown</source>
            <translation>Hechos mostrados</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_filterbar.py" />
            <source>Fit all</source>
            <translation>Ver todo</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_pane.py" />
            <source>Focused: {fact}</source>
            <translation>Seleccionado: {fact}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_filterbar.py" />
            <source>From</source>
            <translation>Desde</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_filterbar.py" />
            <source>From date</source>
            <translation>Fecha inicial</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_text.py" />
            <source>Period</source>
            <translation>Periodo</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_filterbar.py" />
            <source>Search the timeline</source>
            <translation>Buscar en la línea de tiempo</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_filterbar.py" />
            <source>Search titles, quotes, sources…</source>
            <translation>Buscar títulos, citas, fuentes…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_filterbar.py" />
            <source>Show all</source>
            <translation>Mostrar todo</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_filterbar.py" />
            <source>Show facts backed by these kinds of source</source>
            <translation>Mostrar los hechos respaldados por estos tipos de fuente</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_filterbar.py" />
            <source>Show only some categories</source>
            <translation>Mostrar solo algunas categorías</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_filterbar.py" />
            <source>Show the whole timeline</source>
            <translation>Mostrar toda la línea de tiempo</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_filterbar.py" />
            <location filename="../../desktop/ui/timeline_filterbar.py" />
            <source>Sources</source>
            <translation>Fuentes</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_text.py" />
            <location filename="../../desktop/ui/timeline_text.py" />
            <source>Sources: {claims}</source>
            <translation>Fuentes: {claims}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_text.py" />
            <source>Standing statement (true as of its date)</source>
            <translation>Declaración vigente (cierta a su fecha)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_pane.py" />
            <source>Timeline</source>
            <translation>Línea de tiempo</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_pane.py" />
            <source>Timeline chart</source>
            <translation>Gráfico de la línea de tiempo</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_filterbar.py" />
            <source>Timeline filters</source>
            <translation>Filtros de la línea de tiempo</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_filterbar.py" />
            <source>To date</source>
            <translation>Fecha final</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_text.py" />
            <source>Used in a lesson</source>
            <translation>Usado en una lección</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_filterbar.py" />
            <source>Zoom in</source>
            <translation>Acercar</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_filterbar.py" />
            <source>Zoom out</source>
            <translation>Alejar</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_filterbar.py" />
            <source>any</source>
            <translation>cualquiera</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_paint.py" />
            <source>as of</source>
            <translation>a fecha de</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_paint.py" />
            <source>grouped</source>
            <translation>agrupados</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_paint.py" />
            <source>period</source>
            <translation>periodo</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_filterbar.py" />
            <source>to</source>
            <translation>a</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_text.py" />
            <source>{category} · {kind}</source>
            <translation>{category} · {kind}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_text.py" />
            <source>{count} facts</source>
            <translation>{count} hechos</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_filterbar.py" />
            <source>{shown} of {total} facts</source>
            <translation>{shown} de {total} hechos</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_filterbar.py" />
            <source>{what} ({on} of {all})</source>
            <translation>{what} ({on} de {all})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline_text.py" />
            <source>… and {more} more</source>
            <translation>… y {more} más</translation>
        </message>
    </context>
    <context>
        <name>ZoomMenu</name>
        <message>
            <location filename="../../desktop/ui/zoom_actions.py" />
            <source>&amp;Actual size</source>
            <translation>&amp;Tamaño real</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/zoom_actions.py" />
            <source>Change the size of all text; classroom mode has its own size</source>
            <translation>Cambia el tamaño de todo el texto; el modo de clase tiene su propio tamaño</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/zoom_actions.py" />
            <source>Zoom &amp;in</source>
            <translation>&amp;Acercar</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/zoom_actions.py" />
            <source>Zoom &amp;out</source>
            <translation>A&amp;lejar</translation>
        </message>
    </context>
    <context>
        <name>chart</name>
        <message>
            <location filename="../../desktop/ui/chart_canvas.py" />
            <location filename="../../desktop/ui/chart_key.py" />
            <source>Hollow, dashed: approximate, provisional or estimated</source>
            <translation>Hueco y discontinuo: aproximado, provisional o estimado</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/chart_canvas.py" />
            <source>No series chosen: tick one in the list</source>
            <translation>No hay ninguna serie elegida: marque una en la lista</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/chart_data.py" />
            <source>Source: {name}</source>
            <translation>Fuente: {name}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/chart_data.py" />
            <location filename="../../desktop/ui/chart_pane.py" />
            <source>left axis</source>
            <translation>eje izquierdo</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/chart_data.py" />
            <location filename="../../desktop/ui/chart_pane.py" />
            <source>right axis</source>
            <translation>eje derecho</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/chart_data.py" />
            <source>{title} ({unit})</source>
            <translation>{title} ({unit})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/chart_data.py" />
            <source>{title} ({unit}, {side})</source>
            <translation>{title} ({unit}, {side})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/chart_data.py" />
            <source>… and {n} more</source>
            <translation>… y {n} más</translation>
        </message>
    </context>
    <context>
        <name>chart_export</name>
        <message>
            <location filename="../../desktop/ui/chart_export.py" />
            <source> · Chart: Factdeck, “{dataset}”</source>
            <translation> · Gráfica: Factdeck, «{dataset}»</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/chart_export.py" />
            <source>; and {n} more</source>
            <translation>; y {n} más</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/chart_export.py" />
            <location filename="../../desktop/ui/chart_export.py" />
            <source>Export chart</source>
            <translation>Exportar gráfica</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/chart_export.py" />
            <source>PNG image, 1920 × 1080 (*.png)</source>
            <translation>Imagen PNG, 1920 × 1080 (*.png)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/chart_export.py" />
            <source>PNG image, 3840 × 2160 (*.png)</source>
            <translation>Imagen PNG, 3840 × 2160 (*.png)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/chart_export.py" />
            <source>PNG image, as on screen (*.png)</source>
            <translation>Imagen PNG, como en pantalla (*.png)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/chart_export.py" />
            <source>SVG drawing, 1920 × 1080 (*.svg)</source>
            <translation>Dibujo SVG, 1920 × 1080 (*.svg)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/chart_export.py" />
            <source>Source: {sources}</source>
            <translation>Fuente: {sources}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/chart_export.py" />
            <source>chart</source>
            <translation>grafica</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/chart_export.py" />
            <source>none given</source>
            <translation>no se indica</translation>
        </message>
    </context>
    <context>
        <name>claims</name>
        <message>
            <location filename="../../desktop/ui/theme.py" />
            <source>A count published by a government statistical agency, from its own records and methods.</source>
            <translation>Un recuento publicado por una agencia oficial de estadística, con sus propios registros y métodos.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/theme.py" />
            <source>A filing, indictment or judgment; an indictment is an accusation, not a proof of guilt.</source>
            <translation>Un escrito, una acusación formal o una sentencia; una acusación formal acusa, no prueba la culpabilidad.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/theme.py" />
            <source>A person named in the source, speaking for themselves or their office; you can check who said it.</source>
            <translation>Una persona nombrada en la fuente, que habla por sí misma o por su cargo; se puede comprobar quién lo dijo.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/theme.py" />
            <source>An expert's or agency's estimate: informed, but not a count.</source>
            <translation>La estimación de un experto o de una agencia: fundamentada, pero no es un recuento.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/theme.py" />
            <source>Anonymous source</source>
            <translation>Fuente anónima</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/theme.py" />
            <source>Another source disagrees</source>
            <translation>Otra fuente no está de acuerdo</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/theme.py" />
            <source>Context</source>
            <translation>Contexto</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/theme.py" />
            <source>Court record</source>
            <translation>Expediente judicial</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/theme.py" />
            <source>Expert estimate</source>
            <translation>Estimación experta</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/theme.py" />
            <source>Journalist's assertion</source>
            <translation>Afirmación del periodista</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/theme.py" />
            <source>Named source</source>
            <translation>Fuente identificada</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/theme.py" />
            <source>Official statement</source>
            <translation>Declaración oficial</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/theme.py" />
            <source>Official statistic</source>
            <translation>Estadística oficial</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/theme.py" />
            <source>Someone the source does not name; only the reporter can vouch for them, so weigh it with care.</source>
            <translation>Alguien a quien la fuente no nombra; solo el periodista responde por esa persona, así que valórelo con cuidado.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/theme.py" />
            <source>Something an institution says on the record, in its own name; it may argue a position.</source>
            <translation>Algo que una institución dice públicamente y en su propio nombre; puede defender una postura.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/theme.py" />
            <source>The writer's own framing, summary or prediction, not attributed to anyone else.</source>
            <translation>El enfoque, resumen o predicción del propio autor, sin atribuirlo a nadie más.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/theme.py" />
            <source>Who says so</source>
            <translation>Quién lo dice</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/theme.py" />
            <source>approximately</source>
            <translation>aproximadamente</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/theme.py" />
            <source>at least</source>
            <translation>al menos</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/theme.py" />
            <source>estimate</source>
            <translation>estimación</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/theme.py" />
            <source>less than</source>
            <translation>menos de</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/theme.py" />
            <source>more than</source>
            <translation>más de</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/theme.py" />
            <source>provisional</source>
            <translation>provisional</translation>
        </message>
    </context>
    <context>
        <name>dates</name>
        <message>
            <location filename="../../desktop/ui/i18n.py" />
            <source>FY{year}</source>
            <translation>AF{year}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/i18n.py" />
            <source>the {decade}s</source>
            <translation>los años {decade}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/i18n.py" />
            <source>{start} – now</source>
            <translation>{start} – actualidad</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <location filename="../../desktop/errors.py" />
            <source>Details were written to {path}.</source>
            <translation>Los detalles se escribieron en {path}.</translation>
        </message>
        <message>
            <location filename="../../desktop/errors.py" />
            <source>Factdeck hit an unexpected error and carried on:</source>
            <translation>Factdeck encontró un error inesperado y siguió funcionando:</translation>
        </message>
        <message>
            <location filename="../../desktop/errors.py" />
            <source>If it happens again, save your work, restart Factdeck and report the log file.</source>
            <translation>Si vuelve a ocurrir, guarde su trabajo, reinicie Factdeck y envíe el archivo de registro.</translation>
        </message>
        <message>
            <location filename="../../desktop/errors.py" />
            <source>Something went wrong</source>
            <translation>Algo salió mal</translation>
        </message>
        <message>
            <location filename="../../desktop/errors.py" />
            <source>The log folder could not be written.</source>
            <translation>No se pudo escribir en la carpeta de registros.</translation>
        </message>
    </context>
    <context>
        <name>links</name>
        <message>
            <location filename="../../desktop/ui/links.py" />
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/links.py" />
            <source>Careful: "{user}" before the @ is not the website; the website is the host above.</source>
            <translation>Cuidado: «{user}», antes de la @, no es el sitio web; el sitio web es el que aparece arriba.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/links.py" />
            <source>Factdeck itself does not connect to the internet; your browser will.</source>
            <translation>Factdeck no se conecta a internet; lo hará su navegador.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/links.py" />
            <source>Factdeck only opens web addresses that start with http:// or https:// and name a website. This one does not, so it was not opened:

{url}</source>
            <translation>Factdeck solo abre direcciones web que empiezan por http:// o https:// y nombran un sitio web. Esta no lo hace, así que no se abrió:

{url}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/links.py" />
            <source>Full address:</source>
            <translation>Dirección completa:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/links.py" />
            <source>Link not opened</source>
            <translation>No se abrió el enlace</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/links.py" />
            <source>Open in browser</source>
            <translation>Abrir en el navegador</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/links.py" />
            <source>Open in browser?</source>
            <translation>¿Abrir en el navegador?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/links.py" />
            <source>Open this page in your web browser?</source>
            <translation>¿Desea abrir esta página en su navegador web?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/links.py" />
            <source>Website: {host}</source>
            <translation>Sitio web: {host}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/links.py" />
            <source>{shown} (written in ASCII: {ascii})</source>
            <translation>{shown} (escrito en ASCII: {ascii})</translation>
        </message>
    </context>
    <context>
        <name>startup</name>
        <message>
            <location filename="../../desktop/startup_failure.py" />
            <source>Factdeck could not start</source>
            <translation>Factdeck no pudo iniciarse</translation>
        </message>
        <message>
            <location filename="../../desktop/startup_failure.py" />
            <source>Factdeck could not start because of an unexpected error.</source>
            <translation>Factdeck no pudo iniciarse por un error inesperado.</translation>
        </message>
        <message>
            <location filename="../../desktop/startup_failure.py" />
            <source>Please send that file to whoever looks after Factdeck for you.</source>
            <translation>Envíe ese archivo a quien se ocupe de Factdeck.</translation>
        </message>
        <message>
            <location filename="../../desktop/startup_failure.py" />
            <source>The details could not be written to a log file.</source>
            <translation>No se pudieron escribir los detalles en un archivo de registro.</translation>
        </message>
        <message>
            <location filename="../../desktop/startup_failure.py" />
            <source>The details were written to this file:
{path}</source>
            <translation>Los detalles se escribieron en este archivo:
{path}</translation>
        </message>
    </context>
</TS>
