<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../editor/ui/dialogs/about_dialog.py" line="+37"/>
        <source>About Pressklar</source>
        <translation>Om Pressklar</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Press releases from templates: fill in a form, watch the release take shape, export it. Works offline.</source>
        <translation>Pressmeddelanden från mallar: fyll i ett formulär, se pressmeddelandet ta form och exportera det. Fungerar utan nätverk.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pressklar is free software under the GNU General Public License, version 3 or later.</source>
        <translation>Pressklar är fri programvara under GNU General Public License, version 3 eller senare.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Built with</source>
        <translation>Byggt med</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../editor/ui/application.py" line="+103"/>
        <source>Could not open the release</source>
        <translation>Det gick inte att öppna pressmeddelandet</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No templates</source>
        <translation>Inga mallar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pressklar found no template it can use. Reinstall Pressklar.</source>
        <translation>Pressklar hittade ingen mall som går att använda. Installera om Pressklar.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
</context>
<context>
    <name>ArchiveSearchDialog</name>
    <message>
        <location filename="../../editor/ui/dialogs/archive_search.py" line="+37"/>
        <source>Find in Archive</source>
        <translation>Sök i arkivet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Words from the release: rubrik, plats, namn…</source>
        <translation>Ord ur pressmeddelandet: rubrik, plats, namn…</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+29"/>
        <source>Updating the index…</source>
        <translation>Indexet uppdateras…</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>{count} releases found</source>
        <translation>{count} pressmeddelanden hittades</translation>
    </message>
</context>
<context>
    <name>ChannelBox</name>
    <message>
        <location filename="../../editor/ui/panels/channels_panel.py" line="+94"/>
        <source>Still to fill in: {fields}</source>
        <translation>Fyll först i: {fields}</translation>
    </message>
</context>
<context>
    <name>ChannelsPanel</name>
    <message>
        <location line="+29"/>
        <location line="+31"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Copy SMS</source>
        <translation>Kopiera sms</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+30"/>
        <source>Social media post</source>
        <translation>Inlägg i sociala medier</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Copy post</source>
        <translation>Kopiera inlägget</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>This template has no short versions. A template gets them from a [short] section with an sms and a social text (Templates &gt; Edit Template…).</source>
        <translation>Den här mallen har inga korta versioner. En mall får dem från en [short]-del med en sms- och en social-text (Mallar &gt; Redigera mall…).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This template has no short form for: {channel}.</source>
        <translation>Den här mallen har ingen kort version för: {channel}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The short versions cannot be made: {message}</source>
        <translation>De korta versionerna kan inte skapas: {message}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{parts} parts</source>
        <translation>{parts} delar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 SMS</source>
        <translation>1 sms</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>empty</source>
        <translation>tomt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} GSM-7, {parts}</source>
        <translation>{count} GSM-7, {parts}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>160 characters fit in one SMS (153 a part in a longer one).</source>
        <translation>Ett sms rymmer 160 tecken (153 per del i ett längre).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>UCS-2: {count}, {parts} (because of {characters})</source>
        <translation>UCS-2: {count}, {parts} (på grund av {characters})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A character outside the GSM-7 alphabet makes the whole SMS UCS-2: 70 characters fit in one SMS instead of 160.</source>
        <translation>Ett tecken utanför GSM-7-alfabetet gör hela sms:et till UCS-2: då ryms 70 tecken i ett sms i stället för 160.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(too long)</source>
        <translation>(för långt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A link counts as 23 characters, as X and Mastodon count it.</source>
        <translation>En länk räknas som 23 tecken, som X och Mastodon räknar den.</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <location filename="../../editor/ui/panels/checks_panel.py" line="+61"/>
        <source>LIX for Swedish: under 30 very easy, 30–40 easy, 40–50 medium, 50–60 hard, 60 and over very hard. Flesch reading ease for English: the higher, the easier (60–70 is standard).</source>
        <translation>LIX för svenska: under 30 mycket lättläst, 30–40 lättläst, 40–50 medelsvår, 50–60 svår, 60 och mer mycket svår. Flesch läsbarhetsindex för engelska: ju högre, desto lättare (60–70 är normalt).</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Findings</source>
        <translation>Anmärkningar</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Errors: {errors}   Warnings: {warnings}</source>
        <translation>Fel: {errors}   Varningar: {warnings}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No errors or warnings: ready to send.</source>
        <translation>Inga fel eller varningar: klart att skicka.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Field: {field}</source>
        <translation>Fält: {field}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Error</source>
        <translation>Fel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>Varning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Notering</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>click or press Enter to go to the field</source>
        <translation>klicka eller tryck Retur för att gå till fältet</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Embargo</source>
        <translation>Embargo</translation>
    </message>
</context>
<context>
    <name>ChoicesDialog</name>
    <message>
        <location filename="../../editor/ui/template_editor/field_table.py" line="+65"/>
        <source>Choices</source>
        <translation>Val</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One choice per line, in the order the form shows them:</source>
        <translation>Ett val per rad, i den ordning formuläret visar dem:</translation>
    </message>
</context>
<context>
    <name>ContactBookWindow</name>
    <message>
        <location filename="../../editor/ui/context.py" line="+192"/>
        <location filename="../../editor/ui/windows/contact_book.py" line="+134"/>
        <location line="+106"/>
        <location line="+108"/>
        <location line="+5"/>
        <location line="+79"/>
        <source>Contact book</source>
        <translation>Kontaktbok</translation>
    </message>
    <message>
        <location filename="../../editor/ui/windows/contact_book.py" line="-284"/>
        <source>Search by name, title, unit or e-mail</source>
        <translation>Sök på namn, titel, enhet eller e-post</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;New contact</source>
        <translation>&amp;Ny kontakt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Ta bort…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>For example: the unit for media and crisis</source>
        <translation>Till exempel: enheten för media och kris</translation>
    </message>
    <message>
        <location filename="../../editor/ui/form/contact.py" line="+186"/>
        <location filename="../../editor/ui/windows/contact_book.py" line="+2"/>
        <source>This does not look like an e-mail address.</source>
        <translation>Det här ser inte ut som en e-postadress.</translation>
    </message>
    <message>
        <location filename="../../editor/ui/windows/contact_book.py" line="+4"/>
        <source>&amp;Save contact</source>
        <translation>&amp;Spara kontakt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Undo changes</source>
        <translation>Ån&amp;gra ändringar</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>U&amp;nit:</source>
        <translation>&amp;Enhet:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail:</source>
        <translation>E-&amp;post:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Phones:</source>
        <translation>Te&amp;lefon:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The contact book cannot be changed here. {reason}</source>
        <translation>Kontaktboken kan inte ändras här. {reason}</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>the new contact</source>
        <translation>den nya kontakten</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+92"/>
        <source>A contact needs a name.</source>
        <translation>En kontakt måste ha ett namn.</translation>
    </message>
    <message>
        <location line="-86"/>
        <location line="+93"/>
        <source>“{email}” does not look like an e-mail address.</source>
        <translation>”{email}” ser inte ut som en e-postadress.</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>Could not save the contact</source>
        <translation>Det gick inte att spara kontakten</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Delete contact</source>
        <translation>Ta bort kontakt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete “{name}” from the contact book?</source>
        <translation>Ta bort ”{name}” ur kontaktboken?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Releases that already name this person keep their own copy.</source>
        <translation>Pressmeddelanden som redan nämner personen behåller sin egen kopia.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not delete the contact</source>
        <translation>Det gick inte att ta bort kontakten</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>“{name}” is already in the contact book.</source>
        <translation>”{name}” finns redan i kontaktboken.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Update “{name}” in the contact book with these details?</source>
        <translation>Uppdatera ”{name}” i kontaktboken med de här uppgifterna?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} has been updated in the contact book</source>
        <translation>{name} har uppdaterats i kontaktboken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} has been added to the contact book</source>
        <translation>{name} har lagts till i kontaktboken</translation>
    </message>
</context>
<context>
    <name>DefaultDelegate</name>
    <message>
        <location filename="../../editor/ui/template_editor/level_names.py" line="+99"/>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
</context>
<context>
    <name>DistributionListsEditor</name>
    <message>
        <location filename="../../editor/ui/dialogs/distribution_lists.py" line="+57"/>
        <source>Distribution lists</source>
        <translation>Sändlistor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add li&amp;st</source>
        <translation>&amp;Lägg till lista</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;move</source>
        <translation>&amp;Ta bort</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>For example Regional media</source>
        <translation>Till exempel Regionala medier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One e-mail address a line</source>
        <translation>En e-postadress per rad</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;ddresses:</source>
        <translation>A&amp;dresser:</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>New list</source>
        <translation>Ny lista</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Not e-mail addresses: {addresses}</source>
        <translation>Inte e-postadresser: {addresses}</translation>
    </message>
</context>
<context>
    <name>EmbargoBar</name>
    <message>
        <location filename="../../editor/ui/panels/embargo_bar.py" line="+102"/>
        <source>Em&amp;bargo until</source>
        <translation>Em&amp;bargo till</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not to be published before this moment: the notice heads the release in every format</source>
        <translation>Får inte publiceras före den här tidpunkten: meddelandet står överst i pressmeddelandet i alla format</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Embargo until</source>
        <translation>Embargo till</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>none: the release may be published at once</source>
        <translation>inget: pressmeddelandet får publiceras direkt</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../editor/ui/dialogs/export_dialog.py" line="+39"/>
        <source>Export release</source>
        <translation>Exportera pressmeddelande</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The kind of file to make</source>
        <translation>Vilken sorts fil som ska skapas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where the file is saved, and its name</source>
        <translation>Var filen sparas och vad den heter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the folder and file name</source>
        <translation>Välj mapp och filnamn</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The addresses of this list go in Bcc, so the recipients do not see each other. Lists are set up in Settings.</source>
        <translation>Adresserna i listan hamnar i Hemlig kopia (Bcc), så att mottagarna inte ser varandra. Listorna läggs upp under Inställningar.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export</source>
        <translation>Exportera</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save as:</source>
        <translation>&amp;Spara som:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Distribution list:</source>
        <translation>&amp;Sändlista:</translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <location filename="../../editor/ui/flows/export_flow.py" line="+69"/>
        <source>The release cannot be made while its template has an error.</source>
        <translation>Pressmeddelandet kan inte skapas så länge mallen innehåller ett fel.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The release has 1 error:</source>
        <translation>Pressmeddelandet har 1 fel:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The release has {count} errors:</source>
        <translation>Pressmeddelandet har {count} fel:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>… and {count} more (see the Checks tab).</source>
        <translation>… och {count} till (se fliken Kontroller).</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cannot export</source>
        <translation>Det går inte att exportera</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export anyway?</source>
        <translation>Exportera ändå?</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Exporting {name}…</source>
        <translation>Exporterar {name}…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Create the folder?</source>
        <translation>Skapa mappen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The folder {folder} does not exist. Create it?</source>
        <translation>Mappen {folder} finns inte. Vill du skapa den?</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Replace the file?</source>
        <translation>Ersätta filen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} already exists. Do you want to replace it?</source>
        <translation>{name} finns redan. Vill du ersätta den?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Letterhead</source>
        <translation>Brevmall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The letterhead {name} cannot be used: {reason}</source>
        <translation>Brevmallen {name} kan inte användas: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export with the built-in look?</source>
        <translation>Exportera med det inbyggda utseendet?</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+26"/>
        <source>Could not export the release</source>
        <translation>Det gick inte att exportera pressmeddelandet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Exported {path}</source>
        <translation>Exporterade {path}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot copy</source>
        <translation>Det går inte att kopiera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy anyway?</source>
        <translation>Kopiera ändå?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The release is on the clipboard, with its formatting.</source>
        <translation>Pressmeddelandet finns i urklipp, med formatering.</translation>
    </message>
</context>
<context>
    <name>FieldTable</name>
    <message>
        <location filename="../../editor/ui/template_editor/field_table.py" line="+57"/>
        <source>&amp;Add field</source>
        <translation>&amp;Lägg till fält</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Ta bort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;up</source>
        <translation>Flytta &amp;upp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move do&amp;wn</source>
        <translation>Flytta &amp;ned</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hoices…</source>
        <translation>&amp;Val…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit a choice field&apos;s choices, one per line</source>
        <translation>Redigera ett valfälts alternativ, ett per rad</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>New field</source>
        <translation>Nytt fält</translation>
    </message>
    <message>
        <location filename="../../editor/ui/template_editor/field_model.py" line="+37"/>
        <source>today</source>
        <translation>i dag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>now</source>
        <translation>nu</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Text (one line)</source>
        <translation>Text (en rad)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paragraphs</source>
        <translation>Stycken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date and time</source>
        <translation>Datum och tid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choice</source>
        <translation>Val</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Readiness level</source>
        <translation>Beredskapsläge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline</source>
        <translation>Tidslinje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes/no</source>
        <translation>Ja/nej</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quote</source>
        <translation>Citat</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Key</source>
        <translation>Nyckel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label</source>
        <translation>Etikett</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required</source>
        <translation>Obligatoriskt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default</source>
        <translation>Standardvärde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choices</source>
        <translation>Val</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level set</source>
        <translation>Beredskapsskala</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Several</source>
        <translation>Flera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group</source>
        <translation>Grupp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help text</source>
        <translation>Hjälptext</translation>
    </message>
    <message>
        <location line="+54"/>
        <location line="+13"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+15"/>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <location filename="../../editor/ui/template_editor/level_names.py" line="-65"/>
        <location line="+39"/>
        <source>As the template</source>
        <translation>Som mallen</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>As the template: {name}</source>
        <translation>Som mallen: {name}</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <location filename="../../editor/ui/dialogs/file_dialogs.py" line="+23"/>
        <source>Pressklar releases (*{suffix})</source>
        <translation>Pressmeddelanden från Pressklar (*{suffix})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open release</source>
        <translation>Öppna pressmeddelande</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+39"/>
        <source>All files (*)</source>
        <translation>Alla filer (*)</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Save release as</source>
        <translation>Spara pressmeddelandet som</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export as</source>
        <translation>Exportera som</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose a folder</source>
        <translation>Välj en mapp</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose the letterhead</source>
        <translation>Välj brevmall</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Word documents and templates (*.docx *.dotx)</source>
        <translation>Word-dokument och Word-mallar (*.docx *.dotx)</translation>
    </message>
</context>
<context>
    <name>FileFlows</name>
    <message>
        <location filename="../../editor/ui/flows/file_flows.py" line="+57"/>
        <source>The release is open elsewhere</source>
        <translation>Pressmeddelandet är öppet någon annanstans</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;read only</source>
        <translation>Öppna &amp;skrivskyddat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open a &amp;copy</source>
        <translation>Öppna en &amp;kopia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read only: you can read and export it; Save asks for another file. A copy: a new release with the same text, not yet saved.</source>
        <translation>Skrivskyddat: du kan läsa och exportera det; Spara frågar efter en annan fil. En kopia: ett nytt pressmeddelande med samma text, ännu inte sparat.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Untitled</source>
        <translation>Namnlöst</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Could not open the release</source>
        <translation>Det gick inte att öppna pressmeddelandet</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The release’s level set</source>
        <translation>Pressmeddelandets nivåuppsättning</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Release</source>
        <translation>Pressmeddelande</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not save the release</source>
        <translation>Det gick inte att spara pressmeddelandet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your text is still here. Try another folder with Save As.</source>
        <translation>Din text finns kvar. Prova en annan mapp med Spara som.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved {path}</source>
        <translation>Sparade {path}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Could not save the settings</source>
        <translation>Det gick inte att spara inställningarna</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language is used the next time you start Pressklar.</source>
        <translation>Det nya språket används nästa gång du startar Pressklar.</translation>
    </message>
</context>
<context>
    <name>FormWidget</name>
    <message>
        <location filename="../../editor/ui/form/contact.py" line="-74"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone number</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label (e.g. mobile)</source>
        <translation>Etikett (t.ex. mobil)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone label</source>
        <translation>Telefonetikett</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove this number</source>
        <translation>Ta bort det här numret</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Add to contact book</source>
        <translation>Lägg till i kontaktboken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep this person in the contact book</source>
        <translation>Spara personen i kontaktboken</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Heading</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The contact book is empty</source>
        <translation>Kontaktboken är tom</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>…and {count} more: type a name to find them</source>
        <translation>…och {count} till: skriv ett namn för att hitta dem</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Add contact</source>
        <translation>Lägg till kontakt</translation>
    </message>
    <message>
        <location line="-233"/>
        <source>Pick from contact book…</source>
        <translation>Välj ur kontaktboken…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fills in a person from the contact book; every line stays editable</source>
        <translation>Fyller i en person ur kontaktboken; varje rad går fortfarande att ändra</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Add phone number</source>
        <translation>Lägg till telefonnummer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove contact</source>
        <translation>Ta bort kontakt</translation>
    </message>
    <message>
        <location filename="../../editor/ui/form/link_dialog.py" line="+24"/>
        <source>Insert link</source>
        <translation>Infoga länk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Address (web page, e-mail address or phone number):</source>
        <translation>&amp;Adress (webbsida, e-postadress eller telefonnummer):</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Only web addresses (http, https), e-mail addresses and phone numbers can be linked.</source>
        <translation>Bara webbadresser (http, https), e-postadresser och telefonnummer kan länkas.</translation>
    </message>
    <message>
        <location filename="../../editor/ui/form/paragraphs.py" line="+199"/>
        <source>Bold</source>
        <translation>Fetstil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Italic</source>
        <translation>Kursiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bulleted list</source>
        <translation>Punktlista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Numbered list</source>
        <translation>Numrerad lista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link</source>
        <translation>Länk</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Link…</source>
        <translation>Länk…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/form/simple.py" line="+115"/>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Not one of this template&apos;s choices</source>
        <translation>Inte ett av mallens val</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The level set “{0}” is not installed.</source>
        <translation>Beredskapsskalan ”{0}” är inte installerad.</translation>
    </message>
    <message>
        <location filename="../../editor/ui/form/temporal.py" line="+56"/>
        <source>Check to give “{0}” a value; uncheck to leave it empty</source>
        <translation>Markera för att ge ”{0}” ett värde; avmarkera för att lämna fältet tomt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0}: set</source>
        <translation>{0}: angiven</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>not set</source>
        <translation>inte angiven</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>No time</source>
        <translation>Utan klockslag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check when only the date is known; the text then gives no time</source>
        <translation>Kryssa i när bara datumet är känt; texten anger då inget klockslag</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0}: no time</source>
        <translation>{0}: utan klockslag</translation>
    </message>
    <message>
        <location filename="../../editor/ui/form/timeline.py" line="+78"/>
        <source>Write a time as 15:37, or a date and time as 2018-09-21 06:30</source>
        <translation>Skriv en tid som 15:37, eller datum och tid som 2018-09-21 06:30</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What happened</source>
        <translation>Vad som hände</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Add row</source>
        <translation>Lägg till rad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove row</source>
        <translation>Ta bort rad</translation>
    </message>
    <message>
        <location filename="../../editor/ui/form/row.py" line="+144"/>
        <source>Required.</source>
        <translation>Obligatoriskt.</translation>
    </message>
    <message>
        <location filename="../../editor/ui/form/widget.py" line="+100"/>
        <source>Fields marked * are required.</source>
        <translation>Fält märkta med * är obligatoriska.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This template has no fields.</source>
        <translation>Den här mallen har inga fält.</translation>
    </message>
    <message>
        <location filename="../../editor/ui/form/translate_mark.py" line="+28"/>
        <source>To translate: copied from the release in the other language.</source>
        <translation>Att översätta: kopierat från versionen på det andra språket.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Keep as it is</source>
        <translation>Behåll som den är</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The text needs no translation: remove the mark</source>
        <translation>Texten behöver inte översättas: ta bort markeringen</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <location filename="../../editor/ui/flows/export.py" line="+32"/>
        <source>Web page (HTML)</source>
        <translation>Webbsida (HTML)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word document (DOCX)</source>
        <translation>Word-dokument (DOCX)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plain text</source>
        <translation>Ren text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail draft (EML)</source>
        <translation>E-postutkast (EML)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF document</source>
        <translation>PDF-dokument</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CAP 1.2 alert (XML)</source>
        <translation>CAP 1.2-meddelande (XML)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Release</source>
        <translation>Pressmeddelande</translation>
    </message>
</context>
<context>
    <name>IncidentFlow</name>
    <message>
        <location filename="../../editor/ui/flows/incident_flow.py" line="+77"/>
        <location line="+19"/>
        <source>New follow-up</source>
        <translation>Ny uppföljning</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>The release is saved first, so the follow-up can name it. Save now?</source>
        <translation>Pressmeddelandet sparas först, så att uppföljningen kan hänvisa till det. Spara nu?</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Follow-up {number} of “{title}”: the facts are carried over.</source>
        <translation>Uppföljning {number} av ”{title}”: fakta har förts över.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Language copy</source>
        <translation>Språkversion</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>“{name}”: fields to translate, marked in the form: {count}</source>
        <translation>”{name}”: fält att översätta, markerade i formuläret: {count}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Exercise</source>
        <translation>Övning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the exercise mark? Every format will then read as a real release.</source>
        <translation>Ta bort övningsmarkeringen? Alla format blir då ett skarpt pressmeddelande.</translation>
    </message>
</context>
<context>
    <name>IncidentPanel</name>
    <message>
        <location filename="../../editor/ui/panels/incident_panel.py" line="+68"/>
        <source>Incident: {title} (this is number {number})</source>
        <translation>Händelse: {title} (det här är nummer {number})</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>sent</source>
        <translation>skickat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>draft</source>
        <translation>utkast</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>changed after its follow-up was made</source>
        <translation>ändrat efter att uppföljningen gjordes</translation>
    </message>
</context>
<context>
    <name>InsertList</name>
    <message>
        <location filename="../../editor/ui/template_editor/panels.py" line="+105"/>
        <source>Click to insert at the cursor in the body</source>
        <translation>Klicka för att infoga vid markören i brödtexten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fields</source>
        <translation>Fält</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
</context>
<context>
    <name>LevelSetBar</name>
    <message>
        <location filename="../../editor/ui/panels/level_set_bar.py" line="+28"/>
        <source>The readiness levels this release speaks in. Another set moves each level to the one of the same rank.</source>
        <translation>De beredskapsnivåer som det här pressmeddelandet använder. Byter du uppsättning flyttas varje nivå till den som har samma rang.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Level set:</source>
        <translation>Nivåuppsättning:</translation>
    </message>
</context>
<context>
    <name>LevelSetsDialog</name>
    <message>
        <location filename="../../editor/ui/dialogs/level_sets_dialog.py" line="+49"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Baseline</source>
        <translation>Grundläge</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With article</source>
        <translation>Bestämd form</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In running text</source>
        <translation>I löptext</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Level sets</source>
        <translation>Beredskapsskalor</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;New</source>
        <translation>&amp;Ny</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;uplicate</source>
        <translation>&amp;Kopiera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Ta bort…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lower-case letters, digits and -, e.g. my-levels</source>
        <translation>Gemener, siffror och -, till exempel mina-lagen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Add level</source>
        <translation>&amp;Lägg till nivå</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove level</source>
        <translation>Ta bort &amp;nivå</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;up</source>
        <translation>Flytta &amp;upp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move do&amp;wn</source>
        <translation>Flytta &amp;ned</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save level set</source>
        <translation>&amp;Spara beredskapsskalan</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;Id:</source>
        <translation>&amp;Id:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name (&amp;Swedish):</source>
        <translation>Namn (&amp;svenska):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name (&amp;English):</source>
        <translation>Namn (&amp;engelska):</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Levels, lowest first (the order is the rank):</source>
        <translation>&amp;Nivåer, lägst först (ordningen är rangordningen):</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location line="+17"/>
        <source> (built in)</source>
        <translation> (inbyggd)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{file}: cannot be used: {error}</source>
        <translation>{file}: kan inte användas: {error}</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Built-in level sets cannot be changed. Duplicate one to make a set of your own.</source>
        <translation>Inbyggda beredskapsskalor kan inte ändras. Kopiera en för att göra en egen.</translation>
    </message>
    <message>
        <location line="+152"/>
        <source>Could not save the level set</source>
        <translation>Det gick inte att spara beredskapsskalan</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>These templates use it: {names}</source>
        <translation>De här mallarna använder den: {names}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Delete level set</source>
        <translation>Ta bort beredskapsskala</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the level set “{id}”?</source>
        <translation>Ta bort beredskapsskalan ”{id}”?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not delete the level set</source>
        <translation>Det gick inte att ta bort beredskapsskalan</translation>
    </message>
</context>
<context>
    <name>LibraryFlows</name>
    <message>
        <location filename="../../editor/ui/flows/library_flows.py" line="+104"/>
        <source>Saved the template “{name}”</source>
        <translation>Mallen ”{name}” har sparats</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Imported the template “{name}”</source>
        <translation>Mallen ”{name}” har importerats</translation>
    </message>
</context>
<context>
    <name>LibraryReads</name>
    <message>
        <location filename="../../editor/ui/flows/library_reads.py" line="+45"/>
        <source>Listing the templates…</source>
        <translation>Mallarna listas…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reading the templates…</source>
        <translation>Mallarna läses in…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../editor/ui/windows/main_window.py" line="+161"/>
        <source>Read only.</source>
        <translation>Skrivskyddat.</translation>
    </message>
    <message>
        <location line="+211"/>
        <source>The SMS text is on the clipboard.</source>
        <translation>Sms-texten finns i urklipp.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The social-media post is on the clipboard.</source>
        <translation>Inlägget för sociala medier finns i urklipp.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open</source>
        <translation>Öppna</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show in folder</source>
        <translation>Visa i mappen</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Words: {words}   Characters: {characters}</source>
        <translation>Ord: {words}   Tecken: {characters}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Required fields to fill in: {count} (F8)</source>
        <translation>Obligatoriska fält kvar att fylla i: {count} (F8)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This field must be filled in.</source>
        <translation>Det här fältet måste fyllas i.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+7"/>
        <source>Untitled</source>
        <translation>Namnlöst</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>{name} (read only)</source>
        <translation>{name} (skrivskyddat)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Autosave failed: {message}</source>
        <translation>Den automatiska sparningen misslyckades: {message}</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../editor/ui/dialogs/messages.py" line="+103"/>
        <source>Unsaved changes</source>
        <translation>Osparade ändringar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do you want to save the changes to {name}?</source>
        <translation>Vill du spara ändringarna i {name}?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>If you don&apos;t save, the changes since the last save are lost.</source>
        <translation>Om du inte sparar försvinner ändringarna sedan du sparade senast.</translation>
    </message>
</context>
<context>
    <name>NewsroomFlow</name>
    <message>
        <location filename="../../editor/ui/flows/newsroom_flow.py" line="+36"/>
        <source>Choose the folder of releases to publish</source>
        <translation>Välj mappen med pressmeddelanden som ska publiceras</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Publishing the newsroom…</source>
        <translation>Nyhetsrummet publiceras…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not publish the newsroom</source>
        <translation>Pressrummet kunde inte publiceras</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Publish newsroom</source>
        <translation>Publicera pressrum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The newsroom is published, but not everything could go in it.</source>
        <translation>Pressrummet är publicerat, men allt kunde inte tas med.</translation>
    </message>
</context>
<context>
    <name>NextUpdateLabel</name>
    <message>
        <location filename="../../editor/ui/panels/next_update.py" line="+46"/>
        <source>Next update {clock}: in {hours} h {minutes} min</source>
        <translation>Nästa besked {clock}: om {hours} h {minutes} min</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Next update {clock}: in {minutes} min</source>
        <translation>Nästa besked {clock}: om {minutes} min</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Next update {clock}: the time has passed</source>
        <translation>Nästa besked {clock}: tiden har passerat</translation>
    </message>
</context>
<context>
    <name>PhoneTable</name>
    <message>
        <location filename="../../editor/ui/windows/contact_book.py" line="-420"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label</source>
        <translation>Etikett</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add &amp;number</source>
        <translation>Lägg till &amp;nummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove n&amp;umber</source>
        <translation>Ta bort n&amp;ummer</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../editor/ui/panels/preview.py" line="+93"/>
        <source>The release as it will look when exported</source>
        <translation>Pressmeddelandet som det ser ut när det exporteras</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>The release as plain text, for e-mail and web forms</source>
        <translation>Pressmeddelandet som ren text, för e-post och webbformulär</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Formatted</source>
        <translation>Formaterat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plain text</source>
        <translation>Ren text</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Channels</source>
        <translation>Kanaler</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Pre-flight checks: what to look at before sending</source>
        <translation>Kontroller: det du bör se över innan du skickar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The release as an SMS and a social-media post</source>
        <translation>Pressmeddelandet som sms och som inlägg i sociala medier</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Checks</source>
        <translation>Kontroller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checks ({count})</source>
        <translation>Kontroller ({count})</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>{word}: this release is an exercise, and every format says so.</source>
        <translation>{word}: det här pressmeddelandet är en övning, och det står i alla format.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The template has an error on line {line}: {message}</source>
        <translation>Mallen har ett fel på rad {line}: {message}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The template has an error: {message}</source>
        <translation>Mallen har ett fel: {message}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The preview shows the last version that worked.</source>
        <translation>Förhandsvisningen visar den senaste versionen som fungerade.</translation>
    </message>
</context>
<context>
    <name>PrintFlow</name>
    <message>
        <location filename="../../editor/ui/flows/print_flow.py" line="+86"/>
        <location line="+43"/>
        <source>Laying out the pages…</source>
        <translation>Sidorna ställs upp…</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Cannot print</source>
        <translation>Kan inte skriva ut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The release cannot be printed.</source>
        <translation>Pressmeddelandet kan inte skrivas ut.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Print Release</source>
        <translation>Skriv ut pressmeddelandet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sent to the printer.</source>
        <translation>Skickat till skrivaren.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Print Preview</source>
        <translation>Förhandsgranska utskrift</translation>
    </message>
</context>
<context>
    <name>QuoteEditor</name>
    <message>
        <location filename="../../editor/ui/form/quote.py" line="+41"/>
        <source>Who said it (name)</source>
        <translation>Vem sa det (namn)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Speaker&apos;s name</source>
        <translation>Talarens namn</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Speaker&apos;s title</source>
        <translation>Talarens titel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove quote</source>
        <translation>Ta bort citat</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What was said, in full sentences</source>
        <translation>Vad som sades, i hela meningar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quote</source>
        <translation>Citat</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>+ Add quote</source>
        <translation>+ Lägg till citat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: add quote</source>
        <translation>{0}: lägg till citat</translation>
    </message>
</context>
<context>
    <name>RecentFilesMenu</name>
    <message>
        <location filename="../../editor/ui/panels/recent_menu.py" line="+18"/>
        <source>Open &amp;Recent</source>
        <translation>Öppna &amp;senaste</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No recent releases</source>
        <translation>Inga senaste pressmeddelanden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Clear list</source>
        <translation>&amp;Töm listan</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../editor/ui/dialogs/recovery_dialog.py" line="+23"/>
        <source>Recover unsaved releases</source>
        <translation>Återställ osparade pressmeddelanden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pressklar was closed before these releases were saved. Tick the ones to recover; they open with their unsaved changes. Releases you untick are deleted.</source>
        <translation>Pressklar stängdes innan de här pressmeddelandena sparades. Markera dem som ska återställas; de öppnas med sina osparade ändringar. Pressmeddelanden som du avmarkerar tas bort.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Release</source>
        <translation>Pressmeddelande</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last changed</source>
        <translation>Senast ändrat</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>never saved</source>
        <translation>aldrig sparat</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Untitled</source>
        <translation>Namnlöst</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Recover selected</source>
        <translation>Återställ markerade</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decide later</source>
        <translation>Bestäm senare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep them all and ask again at the next start</source>
        <translation>Behåll alla och fråga igen nästa gång Pressklar startar</translation>
    </message>
</context>
<context>
    <name>SamplePreview</name>
    <message>
        <location filename="../../editor/ui/template_editor/panels.py" line="+45"/>
        <source>The release this template makes, with sample values</source>
        <translation>Pressmeddelandet som mallen ger, med exempelvärden</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The template cannot be shown until its fields are right.</source>
        <translation>Mallen kan inte visas förrän dess fält är rätt.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The preview cannot be made: {message}</source>
        <translation>Förhandsvisningen kan inte skapas: {message}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It shows the last version that worked.</source>
        <translation>Den visar den senaste versionen som fungerade.</translation>
    </message>
</context>
<context>
    <name>SaveAsTemplate</name>
    <message>
        <location filename="../../editor/ui/dialogs/save_as_template.py" line="+53"/>
        <source>The organisation&apos;s templates</source>
        <translation>Organisationens mallar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your own templates</source>
        <translation>Dina egna mallar</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Name already taken</source>
        <translation>Namnet är upptaget</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rename…</source>
        <translation>Byt namn…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace</source>
        <translation>Ersätt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rename</source>
        <translation>Byt namn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New name of the template:</source>
        <translation>Mallens nya namn:</translation>
    </message>
</context>
<context>
    <name>SaveAsTemplateDialog</name>
    <message>
        <location line="+28"/>
        <source>Save as template</source>
        <translation>Spara som mall</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Use the current &amp;values as defaults</source>
        <translation>Använd nuvarande &amp;värden som standardvärden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dates and times keep their own defaults, such as today</source>
        <translation>Datum och tider behåller sina egna standardvärden, till exempel i dag</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The organisation&apos;s folder cannot be written from here, so the template is saved among your own. Export it to share it.</source>
        <translation>Det går inte att skriva i organisationens mapp härifrån, så mallen sparas bland dina egna. Exportera den för att dela den.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description:</source>
        <translation>&amp;Beskrivning:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>&amp;Språk:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save &amp;in:</source>
        <translation>Spara &amp;i:</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Could not save the template</source>
        <translation>Det gick inte att spara mallen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The template was not saved.</source>
        <translation>Mallen sparades inte.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../editor/ui/dialogs/settings_dialog.py" line="+44"/>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Same as the system</source>
        <translation>Samma som systemet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Takes effect the next time Pressklar starts</source>
        <translation>Gäller från nästa gång Pressklar startar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For example Region Exempelby</source>
        <translation>Till exempel Region Exempelby</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Used in exported files&apos; properties when a release names no organisation</source>
        <translation>Används i de exporterade filernas egenskaper när ett pressmeddelande inte anger någon organisation</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>For example press@region.example</source>
        <translation>Till exempel press@region.example</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sender of e-mail drafts; empty leaves it to your mail program</source>
        <translation>Avsändare för e-postutkast; tomt låter e-postprogrammet välja</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Empty: the press office&apos;s e-mail</source>
        <translation>Tomt: presstjänstens e-post</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Who sends the organisation&apos;s CAP alerts, as alerting systems know it: one word without spaces, such as press@region.example</source>
        <translation>Vem som skickar organisationens CAP-meddelanden, så som varningssystemen känner avsändaren: ett ord utan mellanslag, till exempel press@region.example</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>For example Exempelby county</source>
        <translation>Till exempel Exempelby län</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The area CAP alerts concern, in words</source>
        <translation>Det område som CAP-meddelandena gäller, i ord</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For example https://region.example/press</source>
        <translation>Till exempel https://region.example/press</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where the newsroom folder is published: each CAP alert links to its release there</source>
        <translation>Där pressrumsmappen publiceras: varje CAP-meddelande länkar till sitt pressmeddelande där</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A shared folder of templates (optional)</source>
        <translation>En delad mapp med mallar (valfritt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Templates in this folder appear under New for everyone who points here</source>
        <translation>Mallarna i den här mappen visas under Nytt för alla som pekar hit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>None: the built-in look</source>
        <translation>Ingen: det inbyggda utseendet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A Word document or template (.docx, .dotx) with the organisation&apos;s header, footer and logo: Word exports start from it, unless a template names its own</source>
        <translation>Ett Word-dokument eller en Word-mall (.docx, .dotx) med organisationens sidhuvud, sidfot och logotyp: Word-exporter utgår från den, om inte mallen anger en egen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bro&amp;wse…</source>
        <translation>Bl&amp;äddra…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Distribution lists for e-mail</source>
        <translation>Sändlistor för e-post</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An e-mail export can put one list in Bcc, so the recipients do not see each other.</source>
        <translation>En export till e-post kan lägga en lista i Hemlig kopia (Bcc), så att mottagarna inte ser varandra.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Each template&apos;s own</source>
        <translation>Varje malls egen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0} (not installed)</source>
        <translation>{0} (inte installerad)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The readiness levels new releases speak in. A release can pick another set in its form.</source>
        <translation>De beredskapsnivåer som nya pressmeddelanden använder. Ett pressmeddelande kan välja en annan uppsättning i sitt formulär.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How soon after an edit unsaved work is kept safe against a crash</source>
        <translation>Hur snart efter en ändring som osparat arbete skyddas mot en krasch</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Language of the program:</source>
        <translation>Programmets &amp;språk:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Le&amp;vel set:</source>
        <translation>Ni&amp;våuppsättning:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Press office&apos;s e-&amp;mail:</source>
        <translation>Presstjänstens &amp;e-post:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CAP s&amp;ender:</source>
        <translation>CAP-a&amp;vsändare:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CAP re&amp;gion:</source>
        <translation>CAP-&amp;region:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ublic web address:</source>
        <translation>Offentlig &amp;webbadress:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation&apos;s &amp;templates:</source>
        <translation>Organisationens &amp;mallar:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Letter&amp;head for Word:</source>
        <translation>&amp;Brevmall för Word:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Autosave after:</source>
        <translation>Spara &amp;automatiskt efter:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>There is no such file.</source>
        <translation>Filen finns inte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A letterhead is a Word document (.docx) or Word template (.dotx).</source>
        <translation>En brevmall är ett Word-dokument (.docx) eller en Word-mall (.dotx).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This is not an e-mail address.</source>
        <translation>Det här är ingen e-postadress.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A CAP sender has no spaces, commas, &lt; or &amp;.</source>
        <translation>En CAP-avsändare har inga mellanslag, kommatecken, &lt; eller &amp;.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Distribution lists</source>
        <translation>Sändlistor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>These are not e-mail addresses: {addresses}. An e-mail to their list cannot be made until they are corrected. Save the settings anyway?</source>
        <translation>Det här är inte e-postadresser: {addresses}. Ett e-postmeddelande till deras lista kan inte skapas förrän de är rättade. Spara inställningarna ändå?</translation>
    </message>
</context>
<context>
    <name>SpellCheck</name>
    <message>
        <location filename="../../editor/ui/form/spell_check.py" line="+290"/>
        <source>Remove the repeated word</source>
        <translation>Ta bort det upprepade ordet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the extra “i”</source>
        <translation>Ta bort det extra ”i”</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(no suggestions)</source>
        <translation>(inga förslag)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add to my dictionary</source>
        <translation>Lägg till i min ordlista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ignore</source>
        <translation>Ignorera</translation>
    </message>
</context>
<context>
    <name>TemplateEditorWindow</name>
    <message>
        <location filename="../../editor/ui/template_editor/window.py" line="+113"/>
        <source>Fields</source>
        <translation>Fält</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Body (Jinja and Markdown)</source>
        <translation>&amp;Brödtext (Jinja och Markdown)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Insert</source>
        <translation>Infoga</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview with sample values</source>
        <translation>Förhandsvisning med exempelvärden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the template</source>
        <translation>Spara mallen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save &amp;As…</source>
        <translation>Spara s&amp;om…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save a copy of the template under a new name</source>
        <translation>Spara en kopia av mallen med ett nytt namn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Close</source>
        <translation>S&amp;täng</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Template</source>
        <translation>&amp;Mall</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Template</source>
        <translation>Mall</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+203"/>
        <source>New template</source>
        <translation>Ny mall</translation>
    </message>
    <message>
        <location line="-202"/>
        <source>{name}[*] — Template editor</source>
        <translation>{name}[*] — Mallredigerare</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Problems: {count}</source>
        <translation>Problem: {count}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No problems</source>
        <translation>Inga problem</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Rename in the body?</source>
        <translation>Byta namn i brödtexten?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The body uses “{old}” on line {lines}. Rename it to “{new}” there too?</source>
        <translation>Brödtexten använder ”{old}” på rad {lines}. Byta namn till ”{new}” där också?</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Lines {lines} still use the old key “{old}” (the field is now “{new}”).</source>
        <translation>Rad {lines} använder fortfarande den gamla nyckeln ”{old}” (fältet heter nu ”{new}”).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The template has problems</source>
        <translation>Mallen har problem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fix the problems listed under the body before saving.</source>
        <translation>Rätta problemen som listas under brödtexten innan du sparar.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Could not save the template</source>
        <translation>Det gick inte att spara mallen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your changes are still here. Try Save As.</source>
        <translation>Dina ändringar finns kvar. Prova Spara som.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Could not duplicate the template</source>
        <translation>Det gick inte att kopiera mallen</translation>
    </message>
</context>
<context>
    <name>TemplateHeader</name>
    <message>
        <location filename="../../editor/ui/template_editor/header.py" line="+41"/>
        <source>&amp;Duplicate to edit</source>
        <translation>&amp;Kopiera för att redigera</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The name shown when a release is started</source>
        <translation>Namnet som visas när ett pressmeddelande påbörjas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What kind of release this is for</source>
        <translation>Vilken sorts pressmeddelande mallen är till för</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dates, times and numbers follow this language</source>
        <translation>Datum, tider och tal följer det här språket</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The level set that readiness-level fields use</source>
        <translation>Beredskapsskalan som fälten för beredskapsläge använder</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Language:</source>
        <translation>&amp;Språk:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Level &amp;set:</source>
        <translation>Beredskaps&amp;skala:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description:</source>
        <translation>&amp;Beskrivning:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Id: {id}</source>
        <translation>Id: {id}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“{name}” is a built-in template and cannot be changed. Duplicate it to get a copy of your own to edit.</source>
        <translation>”{name}” är en inbyggd mall och kan inte ändras. Kopiera den för att få en egen kopia att redigera.</translation>
    </message>
</context>
<context>
    <name>TemplateManager</name>
    <message>
        <location filename="../../editor/ui/windows/template_manager.py" line="+72"/>
        <source>Pressklar templates (*{suffix})</source>
        <translation>Mallar från Pressklar (*{suffix})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All files (*)</source>
        <translation>Alla filer (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import template</source>
        <translation>Importera mall</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export template</source>
        <translation>Exportera mall</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Manage templates</source>
        <translation>Hantera mallar</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Template</source>
        <translation>Mall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Källa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Id or file</source>
        <translation>Id eller fil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Redigera…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New…</source>
        <translation>&amp;Ny…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;uplicate</source>
        <translation>&amp;Kopiera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rename…</source>
        <translation>&amp;Byt namn…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportera…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Ta bort…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importera…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where imported templates go</source>
        <translation>Vart importerade mallar hamnar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Imp&amp;ort into:</source>
        <translation>Imp&amp;ortera till:</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>{source}: {problem}</source>
        <translation>{source}: {problem}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot be used: {error}</source>
        <translation>Kan inte användas: {error}</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Built-in templates cannot be deleted</source>
        <translation>Inbyggda mallar kan inte tas bort</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Could not import the template</source>
        <translation>Det gick inte att importera mallen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file} was not imported. Nothing has been changed.</source>
        <translation>{file} importerades inte. Ingenting har ändrats.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Template imported</source>
        <translation>Mallen har importerats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{name}” was imported, with a note:</source>
        <translation>”{name}” importerades, med en anmärkning:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Could not export the template</source>
        <translation>Det gick inte att exportera mallen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rename template</source>
        <translation>Byt namn på mall</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New name:</source>
        <translation>Nytt namn:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not rename the template</source>
        <translation>Det gick inte att byta namn på mallen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not duplicate the template</source>
        <translation>Det gick inte att kopiera mallen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>It is removed for everyone who uses the organisation&apos;s templates.</source>
        <translation>Den tas bort för alla som använder organisationens mallar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This cannot be undone.</source>
        <translation>Det går inte att ångra.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete template</source>
        <translation>Ta bort mall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the template “{name}”?</source>
        <translation>Ta bort mallen ”{name}”?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not delete the template</source>
        <translation>Det gick inte att ta bort mallen</translation>
    </message>
</context>
<context>
    <name>TemplatePicker</name>
    <message>
        <location filename="../../editor/ui/dialogs/template_list_model.py" line="+29"/>
        <source>Built-in</source>
        <translation>Inbyggd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your own</source>
        <translation>Egen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation</source>
        <translation>Organisationens</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Template</source>
        <translation>Mall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Källa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <location filename="../../editor/ui/dialogs/template_picker.py" line="+49"/>
        <source>Could not use the template</source>
        <translation>Mallen kunde inte användas</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>New release</source>
        <translation>Nytt pressmeddelande</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the kind of release to write:</source>
        <translation>Välj vilken sorts pressmeddelande du vill skriva:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search by name or description</source>
        <translation>Sök på namn eller beskrivning</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search templates</source>
        <translation>Sök mallar</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>No template matches the search.</source>
        <translation>Ingen mall matchar sökningen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Create</source>
        <translation>Skapa</translation>
    </message>
    <message>
        <location filename="../../editor/ui/dialogs/template_list_model.py" line="-22"/>
        <source>Cannot be used: {error}</source>
        <translation>Kan inte användas: {error}</translation>
    </message>
</context>
<context>
    <name>ValidationPanel</name>
    <message>
        <location filename="../../editor/ui/template_editor/panels.py" line="-123"/>
        <source>No problems found.</source>
        <translation>Inga problem hittades.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Line {line}: {message}</source>
        <translation>Rad {line}: {message}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Field {number} ({key}): {message}</source>
        <translation>Fält {number} ({key}): {message}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level set</source>
        <translation>Beredskapsskala</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body</source>
        <translation>Brödtext</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../editor/ui/actions.py" line="+32"/>
        <source>&amp;New…</source>
        <translation>&amp;Nytt…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start a new release from a template</source>
        <translation>Börja på ett nytt pressmeddelande från en mall</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ppna…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open a saved release</source>
        <translation>Öppna ett sparat pressmeddelande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the release</source>
        <translation>Spara pressmeddelandet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save &amp;As…</source>
        <translation>Spara s&amp;om…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the release under a new name</source>
        <translation>Spara pressmeddelandet med ett nytt namn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportera…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close Pressklar</source>
        <translation>Stäng Pressklar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Undo</source>
        <translation>&amp;Ångra</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Undo the last edit in the field</source>
        <translation>Ångra den senaste ändringen i fältet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>&amp;Gör om</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Redo the edit in the field</source>
        <translation>Gör om ändringen i fältet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cu&amp;t</source>
        <translation>Klipp &amp;ut</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cut the selected text</source>
        <translation>Klipp ut den markerade texten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiera</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy the selected text</source>
        <translation>Kopiera den markerade texten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>Klistra &amp;in</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paste into the field</source>
        <translation>Klistra in i fältet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy &amp;Formatted Release</source>
        <translation>Kopiera &amp;formaterat pressmeddelande</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the whole release, to paste it with its formatting into e-mail or Word</source>
        <translation>Kopiera hela pressmeddelandet för att klistra in det med formatering i e-post eller Word</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Se&amp;ttings…</source>
        <translation>I&amp;nställningar…</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Make a Word, PDF, e-mail, web or text file of the release</source>
        <translation>Gör en Word-, PDF-, e-post-, webb- eller textfil av pressmeddelandet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pu&amp;blish Newsroom Folder…</source>
        <translation>Publicera p&amp;ressrumsmapp…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Publish the releases of a folder as a web site of their own, with a feed and CAP alerts, for any web server or a USB stick</source>
        <translation>Publicera pressmeddelandena i en mapp som en egen webbplats, med flöde och CAP-meddelanden, för vilken webbserver eller USB-minne som helst</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New &amp;Follow-up…</source>
        <translation>Ny &amp;uppföljning…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The next release of this incident, with the facts that still hold</source>
        <translation>Nästa pressmeddelande om den här händelsen, med de fakta som fortfarande gäller</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+119"/>
        <source>Also in &amp;English…</source>
        <translation>Även på &amp;engelska…</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>The same release in the other language, in the same incident</source>
        <translation>Samma pressmeddelande på det andra språket, i samma händelse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E&amp;xercise</source>
        <translation>Ö&amp;vning</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark the release as an exercise in every format</source>
        <translation>Markera pressmeddelandet som en övning i alla format</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Find in Archive…</source>
        <translation>&amp;Sök i arkivet…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find a release saved or sent before, by any word of its text</source>
        <translation>Hitta ett pressmeddelande som sparats eller skickats tidigare, på vilket ord som helst i texten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Print…</source>
        <translation>Skriv &amp;ut…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Print the release</source>
        <translation>Skriv ut pressmeddelandet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print Pre&amp;view…</source>
        <translation>&amp;Förhandsgranska utskrift…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>See the pages as they will print, in the PDF&apos;s look</source>
        <translation>Se sidorna som de skrivs ut, i samma utseende som PDF:en</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Language, organisation, letterhead, e-mail lists, autosave</source>
        <translation>Språk, organisation, brevmall, sändlistor, automatisk sparning</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Contact &amp;Book…</source>
        <translation>Kontakt&amp;bok…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The people you name in contact blocks</source>
        <translation>Personerna du anger som kontakter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Level Sets…</source>
        <translation>Beredskaps&amp;skalor…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Readiness levels: the built-in sets and your own</source>
        <translation>Beredskapslägen: de inbyggda skalorna och dina egna</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New Template…</source>
        <translation>&amp;Ny mall…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Design a new kind of release</source>
        <translation>Utforma en ny sorts pressmeddelande</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit Template…</source>
        <translation>&amp;Redigera mall…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change the fields and the text of this release&apos;s template</source>
        <translation>Ändra fälten och texten i det här pressmeddelandets mall</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save as Template…</source>
        <translation>&amp;Spara som mall…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make a template of this release, to start others like it</source>
        <translation>Gör en mall av pressmeddelandet, för att skriva fler som det</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Manage Templates…</source>
        <translation>&amp;Hantera mallar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rename, duplicate, delete, import and export templates</source>
        <translation>Byt namn på, kopiera, ta bort, importera och exportera mallar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import Template…</source>
        <translation>&amp;Importera mall…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a template file from a colleague</source>
        <translation>Lägg till en mallfil från en kollega</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Formatted Preview</source>
        <translation>&amp;Formaterad förhandsvisning</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the release formatted</source>
        <translation>Visa pressmeddelandet formaterat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Plain Text Preview</source>
        <translation>Förhandsvisning som &amp;ren text</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the release as plain text</source>
        <translation>Visa pressmeddelandet som ren text</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Checks</source>
        <translation>&amp;Kontroller</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show what to look at before sending</source>
        <translation>Visa det du bör se över innan du skickar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;hannels</source>
        <translation>K&amp;analer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the SMS and social-media versions</source>
        <translation>Visa versionerna för sms och sociala medier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Go to the F&amp;orm</source>
        <translation>Gå till f&amp;ormuläret</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move the keyboard focus to the form</source>
        <translation>Flytta tangentbordsfokus till formuläret</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Go to the Pre&amp;view</source>
        <translation>Gå till förhands&amp;visningen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the keyboard focus to the preview</source>
        <translation>Flytta tangentbordsfokus till förhandsvisningen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next &amp;Missing Value</source>
        <translation>Nästa &amp;saknade uppgift</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go to the next field that needs filling in</source>
        <translation>Gå till nästa fält som behöver fyllas i</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About Pressklar</source>
        <translation>&amp;Om Pressklar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version and licences</source>
        <translation>Version och licenser</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About &amp;Qt</source>
        <translation>Om &amp;Qt</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Also in &amp;Swedish…</source>
        <translation>Även på &amp;svenska…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Edit</source>
        <translation>&amp;Redigera</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Templates</source>
        <translation>&amp;Mallar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
</context>
</TS>
