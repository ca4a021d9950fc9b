<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QObject</name>
    <message>
        <source>The first line looks like a CSV header but names no e-mail column; each line was read as addresses instead.</source>
        <translation>Die erste Zeile sieht wie eine CSV-Kopfzeile aus, nennt aber keine E-Mail-Spalte; jede Zeile wurde stattdessen als Adressen gelesen.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
</context>
<context>
    <name>api::ApiError</name>
    <message>
        <source>The request was canceled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Cloudflare did not answer in time. Check the connection and retry.</source>
        <translation>Cloudflare hat nicht rechtzeitig geantwortet. Prüfen Sie die Verbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The secure connection to Cloudflare failed: %1.</source>
        <translation>Die sichere Verbindung zu Cloudflare ist fehlgeschlagen: %1.</translation>
    </message>
    <message>
        <source>Could not reach Cloudflare: %1.</source>
        <translation>Cloudflare ist nicht erreichbar: %1.</translation>
    </message>
    <message>
        <source>Cloudflare sent an answer Orgscope cannot read (%1).</source>
        <translation>Cloudflare hat eine Antwort gesendet, die Orgscope nicht lesen kann (%1).</translation>
    </message>
    <message>
        <source>Authentication failed</source>
        <translation>Authentifizierung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Cloudflare&apos;s rate limit was reached</source>
        <translation>Das Anfragelimit von Cloudflare wurde erreicht</translation>
    </message>
    <message numerus="yes">
        <source>; retry in %n second(s)</source>
        <translation>
            <numerusform>; neuer Versuch in %n Sekunde</numerusform>
            <numerusform>; neuer Versuch in %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Cloudflare had a server error (HTTP %1)</source>
        <translation>Serverfehler bei Cloudflare (HTTP %1)</translation>
    </message>
    <message>
        <source>Cloudflare refused the request</source>
        <translation>Cloudflare hat die Anfrage abgelehnt</translation>
    </message>
    <message>
        <source>Cloudflare answered HTTP %1</source>
        <translation>Cloudflare antwortete mit HTTP %1</translation>
    </message>
</context>
<context>
    <name>app::Console</name>
    <message>
        <source>the demo simulator</source>
        <translation>der Demo-Simulator</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
</context>
<context>
    <name>app::DemoLauncher</name>
    <message>
        <source>The demo simulator did not start within a minute.</source>
        <translation>Der Demo-Simulator ist nicht innerhalb einer Minute gestartet.</translation>
    </message>
    <message>
        <source>Could not start the demo simulator %1: %2</source>
        <translation>Der Demo-Simulator %1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>The demo simulator exited (code %1): %2</source>
        <translation>Der Demo-Simulator wurde beendet (Code %1): %2</translation>
    </message>
    <message>
        <source>The demo simulator is not built: %1 was not found. Build the orgscope-sim target first.</source>
        <translation>Der Demo-Simulator ist nicht gebaut: %1 wurde nicht gefunden. Bauen Sie zuerst das Ziel orgscope-sim.</translation>
    </message>
    <message>
        <source>The demo simulator said something unexpected: %1</source>
        <translation>Unerwartete Ausgabe des Demo-Simulators: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Desktop console for the Cloudflare Organizations API.

Headless export: orgscope export &lt;organizations|accounts|members|audit|usage&gt; --help</source>
        <translation>Desktop-Konsole für die Cloudflare Organizations API.

Export ohne Oberfläche: orgscope export &lt;organizations|accounts|members|audit|usage&gt; --help</translation>
    </message>
    <message>
        <source>Start the bundled simulator and connect to it.</source>
        <translation>Den mitgelieferten Simulator starten und sich mit ihm verbinden.</translation>
    </message>
    <message>
        <source>Extra argument for the demo simulator.</source>
        <translation>Zusätzliches Argument für den Demo-Simulator.</translation>
    </message>
    <message>
        <source>API base URL (default: $CLOUDFLARE_BASE_URL or the Cloudflare API).</source>
        <translation>Basis-URL der API (Standard: $CLOUDFLARE_BASE_URL oder die Cloudflare-API).</translation>
    </message>
    <message>
        <source>Use the Fusion style with a light or dark palette instead of the desktop&apos;s.</source>
        <translation>Den Fusion-Stil mit einer hellen oder dunklen Farbpalette statt der des Desktops verwenden.</translation>
    </message>
    <message>
        <source>Unknown palette “%1”: use light or dark.</source>
        <translation>Unbekannte Farbpalette „%1“: light oder dark verwenden.</translation>
    </message>
</context>
<context>
    <name>models::AccountTableModel</name>
    <message>
        <source>2FA enforced</source>
        <translation>2FA erzwungen</translation>
    </message>
    <message>
        <source>2FA optional</source>
        <translation>2FA optional</translation>
    </message>
    <message>
        <source>API access on</source>
        <translation>API-Zugriff an</translation>
    </message>
    <message>
        <source>API access off</source>
        <translation>API-Zugriff aus</translation>
    </message>
    <message>
        <source>abuse: %1</source>
        <translation>Missbrauch: %1</translation>
    </message>
    <message>
        <source>access approval until %1</source>
        <translation>Zugriffsfreigabe bis %1</translation>
    </message>
    <message>
        <source>NS: %1</source>
        <translation>NS: %1</translation>
    </message>
    <message>
        <source>custom NS by default</source>
        <translation>standardmäßig eigene NS</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(kein Name)</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Abuse contact e-mail: %1
Access approval expiry: %2
API access enabled: %3
Default nameservers: %4
Enforce two-factor: %5
Custom NS by default: %6</source>
        <translation>Missbrauchskontakt (E-Mail): %1
Zugriffsfreigabe läuft ab: %2
API-Zugriff aktiviert: %3
Standard-Nameserver: %4
Zwei-Faktor erzwingen: %5
Standardmäßig eigene NS: %6</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Account ID</source>
        <translation>Konto-ID</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>models::ActivityLog</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was passiert ist</translation>
    </message>
</context>
<context>
    <name>models::AuditController</name>
    <message>
        <source>Entries could not be saved to the local archive: %1</source>
        <translation>Einträge konnten nicht im lokalen Archiv gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The local audit archive is not available (%1); entries are kept in memory only.</source>
        <translation>Das lokale Audit-Archiv ist nicht verfügbar (%1); Einträge werden nur im Speicher gehalten.</translation>
    </message>
    <message>
        <source>Not connected: connect to Cloudflare or start the demo first.</source>
        <translation>Nicht verbunden: Verbinden Sie sich zuerst mit Cloudflare oder starten Sie die Demo.</translation>
    </message>
    <message>
        <source>Choose an organization in the toolbar first.</source>
        <translation>Wählen Sie zuerst in der Symbolleiste eine Organisation.</translation>
    </message>
    <message>
        <source>Entries between %1 and %2 (around account %3); search the account id to narrow them.</source>
        <translation>Einträge zwischen %1 und %2 (rund um Konto %3); nach der Konto-ID suchen, um sie einzugrenzen.</translation>
    </message>
    <message>
        <source>Could not export to %1: %2</source>
        <translation>Export nach %1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>models::AuditHistogramModel</name>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>models::AuditTableModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Resource type</source>
        <translation>Ressourcentyp</translation>
    </message>
    <message>
        <source>Resource id</source>
        <translation>Ressourcen-ID</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
</context>
<context>
    <name>models::ConnectionProfile</name>
    <message>
        <source>Give the connection a name.</source>
        <translation>Geben Sie der Verbindung einen Namen.</translation>
    </message>
    <message>
        <source>Enter the API base URL, e.g. https://api.cloudflare.com/client/v4.</source>
        <translation>Geben Sie die Basis-URL der API ein, z. B. https://api.cloudflare.com/client/v4.</translation>
    </message>
    <message>
        <source>Enter a full URL such as https://api.cloudflare.com/client/v4, without a user name or password.</source>
        <translation>Geben Sie eine vollständige URL wie https://api.cloudflare.com/client/v4 ein, ohne Benutzername oder Passwort.</translation>
    </message>
    <message>
        <source>The base URL cannot have a query or a fragment.</source>
        <translation>Die Basis-URL darf weder Abfrage noch Fragment enthalten.</translation>
    </message>
    <message>
        <source>Only https is allowed, except for 127.0.0.1 and localhost.</source>
        <translation>Nur https ist erlaubt, außer für 127.0.0.1 und localhost.</translation>
    </message>
    <message>
        <source>The global API key needs the account&apos;s email address.</source>
        <translation>Der globale API-Schlüssel benötigt die E-Mail-Adresse des Kontos.</translation>
    </message>
    <message>
        <source>This does not look like an email address.</source>
        <translation>Das sieht nicht wie eine E-Mail-Adresse aus.</translation>
    </message>
    <message>
        <source>An account id has only letters, digits, &apos;-&apos; and &apos;_&apos;.</source>
        <translation>Eine Konto-ID besteht nur aus Buchstaben, Ziffern, „-“ und „_“.</translation>
    </message>
    <message>
        <source>An organization id has only letters, digits, &apos;-&apos; and &apos;_&apos;.</source>
        <translation>Eine Organisations-ID besteht nur aus Buchstaben, Ziffern, „-“ und „_“.</translation>
    </message>
</context>
<context>
    <name>models::ConnectionProfileStore</name>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>%1 (not saved)</source>
        <translation>%1 (nicht gespeichert)</translation>
    </message>
</context>
<context>
    <name>models::CredentialVerifier</name>
    <message>
        <source>Credential accepted (checked with a real call; no expiry information).</source>
        <translation>Zugangsdaten akzeptiert (mit einem echten Aufruf geprüft; keine Ablaufinformation).</translation>
    </message>
    <message>
        <source>Token is active; it does not expire.</source>
        <translation>Token ist aktiv und läuft nicht ab.</translation>
    </message>
    <message numerus="yes">
        <source>Token is active but expires in %n hour(s) (%1). Create a new token soon.</source>
        <translation>
            <numerusform>Token ist aktiv, läuft aber in %n Stunde ab (%1). Erstellen Sie bald ein neues Token.</numerusform>
            <numerusform>Token ist aktiv, läuft aber in %n Stunden ab (%1). Erstellen Sie bald ein neues Token.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Token is active but expires in %n day(s) (%1). Create a new token soon.</source>
        <translation>
            <numerusform>Token ist aktiv, läuft aber in %n Tag ab (%1). Erstellen Sie bald ein neues Token.</numerusform>
            <numerusform>Token ist aktiv, läuft aber in %n Tagen ab (%1). Erstellen Sie bald ein neues Token.</numerusform>
        </translation>
    </message>
    <message>
        <source>Token is active; it expires on %1.</source>
        <translation>Token ist aktiv und läuft am %1 ab.</translation>
    </message>
    <message>
        <source>This token expired on %1. Create a new token and edit the connection.</source>
        <translation>Dieses Token ist am %1 abgelaufen. Erstellen Sie ein neues Token und bearbeiten Sie die Verbindung.</translation>
    </message>
    <message>
        <source>This token has expired. Create a new token and edit the connection.</source>
        <translation>Dieses Token ist abgelaufen. Erstellen Sie ein neues Token und bearbeiten Sie die Verbindung.</translation>
    </message>
    <message>
        <source>This token is disabled. Enable it in the Cloudflare dashboard or use another token.</source>
        <translation>Dieses Token ist deaktiviert. Aktivieren Sie es im Cloudflare-Dashboard oder verwenden Sie ein anderes Token.</translation>
    </message>
    <message>
        <source>This token is not valid before %1.</source>
        <translation>Dieses Token ist erst ab %1 gültig.</translation>
    </message>
    <message>
        <source>The credential was refused. %1 Edit the connection and enter a valid token or key.</source>
        <translation>Die Zugangsdaten wurden abgelehnt. %1 Bearbeiten Sie die Verbindung und geben Sie ein gültiges Token oder einen gültigen Schlüssel ein.</translation>
    </message>
    <message>
        <source>The token is not usable (status “%1”).</source>
        <translation>Das Token ist nicht verwendbar (Status „%1“).</translation>
    </message>
    <message>
        <source>Could not verify the credential: %1</source>
        <translation>Die Zugangsdaten konnten nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>No credential was given.</source>
        <translation>Es wurden keine Zugangsdaten angegeben.</translation>
    </message>
</context>
<context>
    <name>models::MemberBatchModel</name>
    <message>
        <source>Ready to invite</source>
        <translation>Bereit zum Einladen</translation>
    </message>
    <message>
        <source>Ready to remove</source>
        <translation>Bereit zum Entfernen</translation>
    </message>
    <message>
        <source>Empty address</source>
        <translation>Leere Adresse</translation>
    </message>
    <message>
        <source>Invalid address</source>
        <translation>Ungültige Adresse</translation>
    </message>
    <message>
        <source>Duplicate of line %1</source>
        <translation>Duplikat von Zeile %1</translation>
    </message>
    <message>
        <source>Already a member</source>
        <translation>Bereits Mitglied</translation>
    </message>
    <message>
        <source>Inviting…</source>
        <translation>Lade ein…</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>Wird entfernt…</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Eingeladen</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message numerus="yes">
        <source>%n invited</source>
        <translation>
            <numerusform>%n eingeladen</numerusform>
            <numerusform>%n eingeladen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n entfernt</numerusform>
            <numerusform>%n entfernt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already a member</source>
        <translation>
            <numerusform>%n bereits Mitglied</numerusform>
            <numerusform>%n bereits Mitglieder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not sent</source>
        <translation>
            <numerusform>%n nicht gesendet</numerusform>
            <numerusform>%n nicht gesendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n canceled</source>
        <translation>
            <numerusform>%n abgebrochen</numerusform>
            <numerusform>%n abgebrochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n ausstehend</numerusform>
            <numerusform>%n ausstehend</numerusform>
        </translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Linie</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>models::MemberInviter</name>
    <message>
        <source>Not a valid e-mail address</source>
        <translation>Keine gültige E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Same address as line %1</source>
        <translation>Gleiche Adresse wie Zeile %1</translation>
    </message>
    <message>
        <source>Found among the current members</source>
        <translation>Unter den aktuellen Mitgliedern gefunden</translation>
    </message>
    <message>
        <source>Not connected to an organization</source>
        <translation>Mit keiner Organisation verbunden</translation>
    </message>
    <message>
        <source>Not sent: canceled</source>
        <translation>Nicht gesendet: abgebrochen</translation>
    </message>
    <message>
        <source>Canceled before the server answered</source>
        <translation>Abgebrochen, bevor der Server antwortete</translation>
    </message>
    <message>
        <source>The server accepted the batch but returned no member for this address</source>
        <translation>Der Server hat den Stapel angenommen, aber für diese Adresse kein Mitglied zurückgegeben</translation>
    </message>
</context>
<context>
    <name>models::MemberRemover</name>
    <message>
        <source>Not connected to an organization</source>
        <translation>Mit keiner Organisation verbunden</translation>
    </message>
    <message>
        <source>Not sent: canceled</source>
        <translation>Nicht gesendet: abgebrochen</translation>
    </message>
    <message>
        <source>Canceled while in flight: refresh to see whether it was removed</source>
        <translation>Während der Übertragung abgebrochen: aktualisieren, um zu sehen, ob es entfernt wurde</translation>
    </message>
</context>
<context>
    <name>models::MembersController</name>
    <message numerus="yes">
        <source>Loading stopped after %n member(s).</source>
        <translation>
            <numerusform>Laden nach %n Mitglied angehalten.</numerusform>
            <numerusform>Laden nach %n Mitgliedern angehalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not load the members: %1</source>
        <translation>Die Mitglieder konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n member(s): %1</source>
        <translation>
            <numerusform>%n Mitglied entfernt: %1</numerusform>
            <numerusform>%n Mitglieder entfernt: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Removal finished: %1.</source>
        <translation>Entfernen abgeschlossen: %1.</translation>
    </message>
    <message>
        <source>Invited %1.</source>
        <translation>%1 eingeladen.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n member(s) to %1.</source>
        <translation>
            <numerusform>%n Mitglied nach %1 exportiert.</numerusform>
            <numerusform>%n Mitglieder nach %1 exportiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>models::MembersModel</name>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>2FA</source>
        <translation>2FA</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
</context>
<context>
    <name>models::OrganizationTreeModel</name>
    <message>
        <source>Its parent organization %1 is not visible with these credentials.</source>
        <translation>Die übergeordnete Organisation %1 ist mit diesen Zugangsdaten nicht sichtbar.</translation>
    </message>
    <message numerus="yes">
        <source>%n visible sub-organization(s)</source>
        <translation>
            <numerusform>%n sichtbare Unterorganisation</numerusform>
            <numerusform>%n sichtbare Unterorganisationen</numerusform>
        </translation>
    </message>
    <message>
        <source>Parent not visible</source>
        <translation>Übergeordnete nicht sichtbar</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Sub-orgs</source>
        <translation>Unterorg.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Number of visible sub-organizations</source>
        <translation>Anzahl sichtbarer Unterorganisationen</translation>
    </message>
</context>
<context>
    <name>models::OrganizationsController</name>
    <message>
        <source>Could not load the organizations</source>
        <translation>Die Organisationen konnten nicht geladen werden</translation>
    </message>
    <message>
        <source>Creating “%1”…</source>
        <translation>„%1“ wird erstellt…</translation>
    </message>
    <message>
        <source>Creating “%1” under “%2”…</source>
        <translation>„%1“ wird unter „%2“ erstellt…</translation>
    </message>
    <message>
        <source> “%1” does not allow sub-organizations (see Sub-organization creation in its capabilities).</source>
        <translation> „%1“ erlaubt keine Unterorganisationen (siehe „Erstellen von Unterorganisationen“ in den Funktionen).</translation>
    </message>
    <message>
        <source>Could not create “%1”</source>
        <translation>„%1“ konnte nicht erstellt werden</translation>
    </message>
    <message>
        <source>Created “%1”.</source>
        <translation>„%1“ erstellt.</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>Organisationen</translation>
    </message>
    <message>
        <source>Created the organization “%1” (%2).</source>
        <translation>Organisation „%1“ (%2) erstellt.</translation>
    </message>
    <message>
        <source>Renaming “%1” to “%2”…</source>
        <translation>„%1“ wird in „%2“ umbenannt…</translation>
    </message>
    <message>
        <source>Could not rename “%1”</source>
        <translation>„%1“ konnte nicht umbenannt werden</translation>
    </message>
    <message>
        <source>Renamed “%1” to “%2”.</source>
        <translation>„%1“ in „%2“ umbenannt.</translation>
    </message>
    <message>
        <source>Moving “%1” under “%2”…</source>
        <translation>„%1“ wird unter „%2“ verschoben…</translation>
    </message>
    <message>
        <source> The API does not accept a new parent for an existing organization.</source>
        <translation> Die API akzeptiert keine neue übergeordnete Organisation für eine bestehende Organisation.</translation>
    </message>
    <message>
        <source>Could not move “%1”</source>
        <translation>„%1“ konnte nicht verschoben werden</translation>
    </message>
    <message>
        <source>“%1” was not moved.</source>
        <translation>„%1“ wurde nicht verschoben.</translation>
    </message>
    <message>
        <source>“%1” was not moved: the API accepted the request but kept it %2. Cloudflare&apos;s Organizations API changes only the name of an existing organization today, so moving has to be done by Cloudflare (dashboard or support).</source>
        <translation>„%1“ wurde nicht verschoben: Die API hat die Anfrage angenommen, es aber %2 belassen. Die Organizations API von Cloudflare ändert bei bestehenden Organisationen derzeit nur den Namen; Verschiebungen muss Cloudflare vornehmen (Dashboard oder Support).</translation>
    </message>
    <message>
        <source>at the root</source>
        <translation>auf oberster Ebene</translation>
    </message>
    <message>
        <source>under “%1”</source>
        <translation>unter „%1“</translation>
    </message>
    <message>
        <source>Moved “%1” under “%2”.</source>
        <translation>„%1“ unter „%2“ verschoben.</translation>
    </message>
    <message>
        <source>Deleting “%1”…</source>
        <translation>„%1“ wird gelöscht…</translation>
    </message>
    <message>
        <source>“%1” was not deleted.</source>
        <translation>„%1“ wurde nicht gelöscht.</translation>
    </message>
    <message>
        <source>“%1” was not deleted because it is not empty. The API says: %2</source>
        <translation>„%1“ wurde nicht gelöscht, weil die Organisation nicht leer ist. Die API meldet: %2</translation>
    </message>
    <message>
        <source>Sub-organizations: %1.</source>
        <translation>Unterorganisationen: %1.</translation>
    </message>
    <message>
        <source>Accounts (%1): %2%3.</source>
        <translation>Konten (%1): %2%3.</translation>
    </message>
    <message>
        <source>Remove or move what it contains, then retry.</source>
        <translation>Entfernen oder verschieben Sie den Inhalt und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source> Deleting is restricted to enterprise organizations.</source>
        <translation> Löschen ist nur für Enterprise-Organisationen möglich.</translation>
    </message>
    <message>
        <source>Could not delete “%1”</source>
        <translation>„%1“ konnte nicht gelöscht werden</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>„%1“ gelöscht.</translation>
    </message>
    <message>
        <source>Deleted the organization “%1” (%2).</source>
        <translation>Organisation „%1“ (%2) gelöscht.</translation>
    </message>
    <message>
        <source>account %1</source>
        <translation>Konto %1</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>organization %1</source>
        <translation>Organisation %1</translation>
    </message>
    <message>
        <source>Looking for the organizations that contain %1…</source>
        <translation>Suche Organisationen, die %1 enthalten…</translation>
    </message>
    <message>
        <source>Could not look up the organizations that contain %1</source>
        <translation>Die Organisationen, die %1 enthalten, konnten nicht ermittelt werden</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Nichts gefunden.</translation>
    </message>
    <message>
        <source>No organization visible with these credentials contains the %1.</source>
        <translation>Keine mit diesen Zugangsdaten sichtbare Organisation enthält %1.</translation>
    </message>
    <message numerus="yes">
        <source>Found %n organization(s).</source>
        <translation>
            <numerusform>%n Organisation gefunden.</numerusform>
            <numerusform>%n Organisationen gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>The %1 is in “%2” (%3). The tree shows only the organizations that contain it; Show All brings back the rest.</source>
        <translation>%1 liegt in „%2“ (%3). Der Baum zeigt nur die Organisationen, die es enthalten; „Alle anzeigen“ holt die übrigen zurück.</translation>
    </message>
    <message>
        <source>Could not load the accounts of “%1”</source>
        <translation>Die Konten von „%1“ konnten nicht geladen werden</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Could not load the business profile of “%1”</source>
        <translation>Das Unternehmensprofil von „%1“ konnte nicht geladen werden</translation>
    </message>
    <message>
        <source>Saving the business profile of “%1”…</source>
        <translation>Unternehmensprofil von „%1“ wird gespeichert…</translation>
    </message>
    <message>
        <source>The profile was not saved.</source>
        <translation>Das Profil wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>Could not save the business profile of “%1”</source>
        <translation>Das Unternehmensprofil von „%1“ konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Saved the business profile of “%1”.</source>
        <translation>Unternehmensprofil von „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>models::ProfileStore</name>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>%1 (not saved)</source>
        <translation>%1 (nicht gespeichert)</translation>
    </message>
</context>
<context>
    <name>models::ProfileValidator</name>
    <message numerus="yes">
        <source>At most %n characters.</source>
        <translation>
            <numerusform>Höchstens %n Zeichen.</numerusform>
            <numerusform>Höchstens %n Zeichen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The business name is required.</source>
        <translation>Der Firmenname ist erforderlich.</translation>
    </message>
    <message>
        <source>The business e-mail is required.</source>
        <translation>Die geschäftliche E-Mail-Adresse ist erforderlich.</translation>
    </message>
    <message>
        <source>Enter an e-mail address such as billing@example.com.</source>
        <translation>Geben Sie eine E-Mail-Adresse wie billing@example.com ein.</translation>
    </message>
    <message>
        <source>Use digits, spaces and + ( ) - . / only.</source>
        <translation>Nur Ziffern, Leerzeichen und + ( ) - . / verwenden.</translation>
    </message>
    <message>
        <source>A phone number has at least 5 digits.</source>
        <translation>Eine Telefonnummer hat mindestens 5 Ziffern.</translation>
    </message>
</context>
<context>
    <name>models::SecretStore</name>
    <message>
        <source>This build has no keychain support.</source>
        <translation>Dieser Build unterstützt keinen Schlüsselbund.</translation>
    </message>
    <message>
        <source>the keychain did not answer</source>
        <translation>der Schlüsselbund hat nicht geantwortet</translation>
    </message>
</context>
<context>
    <name>models::Usage</name>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Vorperiode</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Change %</source>
        <translation>Änderung %</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>All usage</source>
        <translation>Gesamte Nutzung</translation>
    </message>
    <message>
        <source>Product family</source>
        <translation>Produktfamilie</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Sub-account</source>
        <translation>Unterkonto</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Charge description</source>
        <translation>Gebührenbeschreibung</translation>
    </message>
    <message>
        <source>Product category</source>
        <translation>Produktkategorie</translation>
    </message>
    <message>
        <source>Consumed quantity</source>
        <translation>Verbrauchte Menge</translation>
    </message>
    <message>
        <source>Billed cost</source>
        <translation>Abgerechnete Kosten</translation>
    </message>
    <message>
        <source>Effective cost</source>
        <translation>Effektive Kosten</translation>
    </message>
    <message>
        <source>List cost</source>
        <translation>Listenpreis</translation>
    </message>
    <message>
        <source>Contracted cost</source>
        <translation>Vertragliche Kosten</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>Kumuliert</translation>
    </message>
</context>
<context>
    <name>models::UsageBreakdownModel</name>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Total (%1)</source>
        <translation>Summe (%1)</translation>
    </message>
    <message>
        <source>Share %</source>
        <translation>Anteil %</translation>
    </message>
</context>
<context>
    <name>models::UsagePivotModel</name>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>The groups are in different units; group by metric to compare quantities.</source>
        <translation>Die Gruppen haben unterschiedliche Einheiten; nach Metrik gruppieren, um Mengen zu vergleichen.</translation>
    </message>
    <message>
        <source>The previous period (%1 to %2) is not fully loaded.</source>
        <translation>Die Vorperiode (%1 bis %2) ist nicht vollständig geladen.</translation>
    </message>
    <message numerus="yes">
        <source>%n more group(s)</source>
        <translation>
            <numerusform>%n weitere Gruppe</numerusform>
            <numerusform>%n weitere Gruppen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Includes %n correction row(s)</source>
        <translation>
            <numerusform>Enthält %n Korrekturzeile</numerusform>
            <numerusform>Enthält %n Korrekturzeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Total (%1)</source>
        <translation>Summe (%1)</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Vorperiode</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Change %</source>
        <translation>Änderung %</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
</context>
<context>
    <name>models::UsageSeriesModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
</context>
<context>
    <name>ui::AccountsPanel</name>
    <message>
        <source>&amp;Copy ID</source>
        <translation>ID &amp;kopieren</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>CSV e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Name contains</source>
        <translation>Name enthält</translation>
    </message>
    <message>
        <source>Name starts with</source>
        <translation>Name beginnt mit</translation>
    </message>
    <message>
        <source>Name ends with</source>
        <translation>Name endet mit</translation>
    </message>
    <message>
        <source>How the API matches the account name (case-insensitive)</source>
        <translation>Wie die API den Kontonamen vergleicht (ohne Groß-/Kleinschreibung)</translation>
    </message>
    <message>
        <source>Filter accounts by name (server-side)</source>
        <translation>Konten nach Name filtern (serverseitig)</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>Copy Account ID</source>
        <translation>Konto-ID kopieren</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
</context>
<context>
    <name>ui::AuditDetailsPane</name>
    <message>
        <source>Copy as JSON</source>
        <translation>Als JSON kopieren</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Select an entry to see it as JSON.</source>
        <translation>Wählen Sie einen Eintrag, um ihn als JSON zu sehen.</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Entry %1</source>
        <translation>Eintrag %1</translation>
    </message>
    <message>
        <source>No entry selected</source>
        <translation>Kein Eintrag ausgewählt</translation>
    </message>
</context>
<context>
    <name>ui::AuditFilterRow</name>
    <message>
        <source>is</source>
        <translation>ist</translation>
    </message>
    <message>
        <source>is not</source>
        <translation>ist nicht</translation>
    </message>
    <message>
        <source>value, another value…</source>
        <translation>Wert, weiterer Wert…</translation>
    </message>
    <message>
        <source>Several values separated by commas match any of them.</source>
        <translation>Mehrere durch Kommas getrennte Werte passen auf jeden davon.</translation>
    </message>
    <message>
        <source>Remove this filter</source>
        <translation>Diesen Filter entfernen</translation>
    </message>
    <message>
        <source>%1 — used by the next Run</source>
        <translation>%1 — gilt für die nächste Abfrage</translation>
    </message>
</context>
<context>
    <name>ui::AuditLogPage</name>
    <message>
        <source>1 page</source>
        <translation>1 Seite</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 Seiten</translation>
    </message>
    <message>
        <source>%1 entries · %2 · %3 s · %4 entries/s</source>
        <translation>%1 Einträge · %2 · %3 s · %4 Einträge/s</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Search loaded entries (any column)…</source>
        <translation>Geladene Einträge durchsuchen (alle Spalten)…</translation>
    </message>
    <message>
        <source>Show every loaded time again</source>
        <translation>Wieder alle geladenen Zeiten anzeigen</translation>
    </message>
    <message>
        <source>Stop; keep what has loaded</source>
        <translation>Anhalten; bereits Geladenes behalten</translation>
    </message>
    <message>
        <source>Choose a time range and filters, then Run.</source>
        <translation>Zeitraum und Filter wählen, dann „Ausführen“.</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit-Log</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Fetch only entries newer than the newest loaded one</source>
        <translation>Nur Einträge abrufen, die neuer als der neueste geladene sind</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Export as CSV…</source>
        <translation>Als CSV exportieren…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>Als JSON exportieren…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export the rows shown (after local filters) to CSV or JSON</source>
        <translation>Angezeigte Zeilen (nach lokalen Filtern) als CSV oder JSON exportieren</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter löschen</translation>
    </message>
    <message>
        <source>Clear the search, column filters and time range</source>
        <translation>Suche, Spaltenfilter und Zeitraum zurücksetzen</translation>
    </message>
    <message>
        <source>Choose an organization to see its audit log.</source>
        <translation>Wählen Sie eine Organisation, um ihr Audit-Log zu sehen.</translation>
    </message>
    <message>
        <source>Opening the local archive…</source>
        <translation>Lokales Archiv wird geöffnet…</translation>
    </message>
    <message>
        <source>No saved history for this organization yet.</source>
        <translation>Für diese Organisation gibt es noch keinen gespeicherten Verlauf.</translation>
    </message>
    <message>
        <source>%1 entries from the local archive (newest %2).</source>
        <translation>%1 Einträge aus dem lokalen Archiv (neuester: %2).</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Wird aktualisiert…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Canceled; kept %1 (%2)</source>
        <translation>Abgebrochen; %1 behalten (%2)</translation>
    </message>
    <message>
        <source>Stopped after %1</source>
        <translation>Angehalten nach %1</translation>
    </message>
    <message>
        <source>Refreshed: %1 new entries (%2)</source>
        <translation>Aktualisiert: %1 neue Einträge (%2)</translation>
    </message>
    <message>
        <source>Loaded %1</source>
        <translation>%1 geladen</translation>
    </message>
    <message>
        <source>%1 of %2 entries</source>
        <translation>%1 von %2 Einträgen</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>%1 Einträge</translation>
    </message>
    <message>
        <source> · filtering…</source>
        <translation> · filtert…</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Reset time</source>
        <translation>Zeit zurücksetzen</translation>
    </message>
    <message>
        <source>Narrowed to %1; click to show every loaded time again</source>
        <translation>Auf %1 eingegrenzt; klicken, um wieder alle geladenen Zeiten zu zeigen</translation>
    </message>
    <message>
        <source>Export audit entries as JSON</source>
        <translation>Audit-Einträge als JSON exportieren</translation>
    </message>
    <message>
        <source>Export audit entries as CSV</source>
        <translation>Audit-Einträge als CSV exportieren</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Exporting… %1 of %2 entries</source>
        <translation>Exportiere… %1 von %2 Einträgen</translation>
    </message>
    <message>
        <source>Exported %1 entries to %2</source>
        <translation>%1 Einträge nach %2 exportiert</translation>
    </message>
    <message>
        <source>(%1 of them without request and response bodies: they are not in the local archive yet)</source>
        <translation>(%1 davon ohne Anfrage- und Antwortinhalt: Sie sind noch nicht im lokalen Archiv)</translation>
    </message>
    <message>
        <source>Export canceled; nothing was written.</source>
        <translation>Export abgebrochen; es wurde nichts geschrieben.</translation>
    </message>
</context>
<context>
    <name>ui::AuditQueryBar</name>
    <message>
        <source>Entry id</source>
        <translation>Eintrags-ID</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Action type</source>
        <translation>Aktionstyp</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Actor e-mail</source>
        <translation>E-Mail des Akteurs</translation>
    </message>
    <message>
        <source>Actor id</source>
        <translation>Akteur-ID</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <source>Token id</source>
        <translation>Token-ID</translation>
    </message>
    <message>
        <source>Token name</source>
        <translation>Token-Name</translation>
    </message>
    <message>
        <source>Actor type</source>
        <translation>Akteurtyp</translation>
    </message>
    <message>
        <source>Ray ID</source>
        <translation>Ray-ID</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Status code</source>
        <translation>Statuscode</translation>
    </message>
    <message>
        <source>URI</source>
        <translation>URI</translation>
    </message>
    <message>
        <source>Resource id</source>
        <translation>Ressourcen-ID</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Resource type</source>
        <translation>Ressourcentyp</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>Last 18 months</source>
        <translation>Letzte 18 Monate</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Benutzerdefinierter Zeitraum</translation>
    </message>
    <message>
        <source>Time range of the query (the API keeps 18 months)</source>
        <translation>Zeitraum der Abfrage (die API speichert 18 Monate)</translation>
    </message>
    <message>
        <source>+ Filter</source>
        <translation>+ Filter</translation>
    </message>
    <message>
        <source>Add a server-side filter (is / is not) for the next Run</source>
        <translation>Serverseitigen Filter (ist / ist nicht) für die nächste Abfrage hinzufügen</translation>
    </message>
    <message>
        <source>Load the entries of this range and filters (Ctrl+Return)</source>
        <translation>Einträge für diesen Zeitraum und diese Filter laden (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Zeit:</translation>
    </message>
    <message>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Times are shown in UTC</source>
        <translation>Zeiten werden in UTC angezeigt</translation>
    </message>
    <message>
        <source>Times are shown in local time (%1)</source>
        <translation>Zeiten werden in Ortszeit angezeigt (%1)</translation>
    </message>
</context>
<context>
    <name>ui::AuditTableMenus</name>
    <message>
        <source>Filter %1 values…</source>
        <translation>Werte von %1 filtern…</translation>
    </message>
    <message>
        <source>Clear %1 filter</source>
        <translation>Filter „%1“ löschen</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation>Spalten zurücksetzen</translation>
    </message>
    <message>
        <source>Filter to this value (%1)</source>
        <translation>Auf diesen Wert filtern (%1)</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>Exclude this value</source>
        <translation>Diesen Wert ausschließen</translation>
    </message>
    <message>
        <source>Also added to the query bar for the next Run</source>
        <translation>Wird auch der Abfrageleiste für die nächste Abfrage hinzugefügt</translation>
    </message>
    <message>
        <source>Copy cell</source>
        <translation>Zelle kopieren</translation>
    </message>
    <message>
        <source>Copy row</source>
        <translation>Zeile kopieren</translation>
    </message>
    <message>
        <source>Copy as JSON</source>
        <translation>Als JSON kopieren</translation>
    </message>
</context>
<context>
    <name>ui::AuditTimeline</name>
    <message>
        <source>Events per time bucket (blue: success, red: failure). Click a bar or drag across bars to narrow the table to that time.</source>
        <translation>Ereignisse pro Zeitintervall (blau: Erfolg, rot: Fehler). Klicken Sie auf einen Balken oder ziehen Sie über mehrere Balken, um die Tabelle auf diese Zeit einzugrenzen.</translation>
    </message>
    <message>
        <source>No entries loaded</source>
        <translation>Keine Einträge geladen</translation>
    </message>
    <message>
        <source>%1 – %2
%3 events (%4 failed)</source>
        <translation>%1 – %2
%3 Ereignisse (%4 fehlgeschlagen)</translation>
    </message>
</context>
<context>
    <name>ui::AuditValueFilterPopup</name>
    <message>
        <source>Find a value</source>
        <translation>Wert suchen</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Show rows whose &lt;b&gt;%1&lt;/b&gt; is:</source>
        <translation>Zeilen anzeigen, deren &lt;b&gt;%1&lt;/b&gt; gleich ist:</translation>
    </message>
    <message>
        <source>No values loaded</source>
        <translation>Keine Werte geladen</translation>
    </message>
</context>
<context>
    <name>ui::BatchResultDialog</name>
    <message>
        <source>&amp;Save as CSV…</source>
        <translation>Als CSV &amp;speichern…</translation>
    </message>
    <message>
        <source>Save results</source>
        <translation>Ergebnisse speichern</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ui::ConnectDialog</name>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Connection&amp;s</source>
        <translation>Verbindunge&amp;n</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplizieren</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>e.g. Production</source>
        <translation>z. B. Produktion</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>&amp;Basis-URL:</translation>
    </message>
    <message>
        <source>API &amp;token</source>
        <translation>API-&amp;Token</translation>
    </message>
    <message>
        <source>&amp;Email + global API key</source>
        <translation>&amp;E-Mail + globaler API-Schlüssel</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>Authentifizierung:</translation>
    </message>
    <message>
        <source>API t&amp;oken:</source>
        <translation>API-T&amp;oken:</translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation>sie@example.com</translation>
    </message>
    <message>
        <source>E&amp;mail:</source>
        <translation>E-&amp;Mail:</translation>
    </message>
    <message>
        <source>Global API &amp;key:</source>
        <translation>Globaler API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>For account-owned tokens: verified with /accounts/{id}/tokens/verify.</source>
        <translation>Für kontoeigene Tokens: geprüft mit /accounts/{id}/tokens/verify.</translation>
    </message>
    <message>
        <source>Account &amp;ID:</source>
        <translation>Konto-&amp;ID:</translation>
    </message>
    <message>
        <source>Organization selected after connecting.</source>
        <translation>Nach dem Verbinden ausgewählte Organisation.</translation>
    </message>
    <message>
        <source>Default or&amp;ganization:</source>
        <translation>Standard-Or&amp;ganisation:</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Tokens and keys are stored in the system keychain, never in settings files.</source>
        <translation>Tokens und Schlüssel werden im Schlüsselbund des Systems gespeichert, nie in Einstellungsdateien.</translation>
    </message>
    <message>
        <source>No keychain is available (%1): tokens and keys are kept for this session only and must be entered again next time.</source>
        <translation>Kein Schlüsselbund verfügbar (%1): Tokens und Schlüssel gelten nur für diese Sitzung und müssen beim nächsten Mal erneut eingegeben werden.</translation>
    </message>
    <message>
        <source>Save the changes to the connection “%1”?</source>
        <translation>Änderungen an der Verbindung „%1“ speichern?</translation>
    </message>
    <message>
        <source>stored — leave empty to keep</source>
        <translation>gespeichert — leer lassen, um es beizubehalten</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>the demo</source>
        <translation>die Demo</translation>
    </message>
    <message>
        <source>the environment</source>
        <translation>die Umgebung</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>Neue Verbindung</translation>
    </message>
    <message>
        <source>paste the API token</source>
        <translation>API-Token einfügen</translation>
    </message>
    <message>
        <source>paste the global API key</source>
        <translation>globalen API-Schlüssel einfügen</translation>
    </message>
    <message>
        <source>Another connection is already called “%1”.</source>
        <translation>Eine andere Verbindung heißt bereits „%1“.</translation>
    </message>
    <message>
        <source>Paste the API token.</source>
        <translation>Fügen Sie das API-Token ein.</translation>
    </message>
    <message>
        <source>Paste the global API key.</source>
        <translation>Fügen Sie den globalen API-Schlüssel ein.</translation>
    </message>
    <message>
        <source>Remove the spaces or line breaks around the secret.</source>
        <translation>Entfernen Sie Leerzeichen oder Zeilenumbrüche um das Geheimnis.</translation>
    </message>
    <message>
        <source>Remove Connection</source>
        <translation>Verbindung entfernen</translation>
    </message>
    <message>
        <source>Remove the connection “%1”? Its stored token or key is deleted from the keychain.</source>
        <translation>Verbindung „%1“ entfernen? Das gespeicherte Token bzw. der Schlüssel wird aus dem Schlüsselbund gelöscht.</translation>
    </message>
    <message>
        <source>Remove “%1”</source>
        <translation>„%1“ entfernen</translation>
    </message>
</context>
<context>
    <name>ui::ConnectionController</name>
    <message>
        <source>Keychain</source>
        <translation>Schlüsselbund</translation>
    </message>
    <message>
        <source>No keychain is available (%1). Tokens and keys are kept for this session only and are not saved.</source>
        <translation>Kein Schlüsselbund verfügbar (%1). Tokens und Schlüssel gelten nur für diese Sitzung und werden nicht gespeichert.</translation>
    </message>
    <message>
        <source>Verifying the credential of “%1”…</source>
        <translation>Zugangsdaten von „%1“ werden geprüft…</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <source>global API key</source>
        <translation>globaler API-Schlüssel</translation>
    </message>
    <message>
        <source>No %1 is stored for “%2”. Enter it and connect again.</source>
        <translation>Für „%2“ ist kein %1 gespeichert. Geben Sie es ein und verbinden Sie sich erneut.</translation>
    </message>
    <message>
        <source>No keychain is available, so the %1 of “%2” was not kept from the last session. Enter it and connect again.</source>
        <translation>Kein Schlüsselbund verfügbar, daher wurde %1 von „%2“ nicht aus der letzten Sitzung übernommen. Geben Sie es ein und verbinden Sie sich erneut.</translation>
    </message>
    <message>
        <source>The base URL of “%1” is not allowed: %2</source>
        <translation>Die Basis-URL von „%1“ ist nicht zulässig: %2</translation>
    </message>
    <message>
        <source>https is required</source>
        <translation>https ist erforderlich</translation>
    </message>
    <message>
        <source>The credential from the environment (%1) was not accepted. %2</source>
        <translation>Die Zugangsdaten aus der Umgebung (%1) wurden nicht akzeptiert. %2</translation>
    </message>
    <message>
        <source>%1 (expires soon: %2)</source>
        <translation>%1 (läuft bald ab: %2)</translation>
    </message>
    <message>
        <source>%1 (expires %2)</source>
        <translation>%1 (läuft ab: %2)</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Connected to %1. %2</source>
        <translation>Verbunden mit %1. %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Connected to “%1”. %2</source>
        <translation>Verbunden mit „%1“. %2</translation>
    </message>
</context>
<context>
    <name>ui::InviteDialog</name>
    <message>
        <source>&amp;Import file…</source>
        <translation>Datei &amp;importieren…</translation>
    </message>
    <message>
        <source>&amp;Check list</source>
        <translation>Liste &amp;prüfen</translation>
    </message>
    <message>
        <source>Cancel sending</source>
        <translation>Senden abbrechen</translation>
    </message>
    <message>
        <source>&amp;Invite</source>
        <translation>&amp;Einladen</translation>
    </message>
    <message>
        <source>&amp;Save results…</source>
        <translation>Ergebnisse &amp;speichern…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Invite members</source>
        <translation>Mitglieder einladen</translation>
    </message>
    <message>
        <source>Invite people to &lt;b&gt;%1&lt;/b&gt;. They receive an e-mail and get access after accepting (they need two-factor authentication or SSO).</source>
        <translation>Personen zu &lt;b&gt;%1&lt;/b&gt; einladen. Sie erhalten eine E-Mail und bekommen nach der Annahme Zugriff (Zwei-Faktor-Authentifizierung oder SSO erforderlich).</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>One address per line, or paste a CSV with an &quot;email&quot; column.</source>
        <translation>Eine Adresse pro Zeile, oder eine CSV-Datei mit einer Spalte „email“ einfügen.</translation>
    </message>
    <message>
        <source>Mark invalid addresses, repeats and current members before sending</source>
        <translation>Ungültige Adressen, Wiederholungen und aktuelle Mitglieder vor dem Senden markieren</translation>
    </message>
    <message>
        <source>One address</source>
        <translation>Eine Adresse</translation>
    </message>
    <message>
        <source>Several addresses</source>
        <translation>Mehrere Adressen</translation>
    </message>
    <message>
        <source>Send an invitation (pending until accepted)</source>
        <translation>Einladung senden (ausstehend bis zur Annahme)</translation>
    </message>
    <message>
        <source>Add as active member</source>
        <translation>Als aktives Mitglied hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Membership:</source>
        <translation>&amp;Mitgliedschaft:</translation>
    </message>
    <message>
        <source>Import e-mail addresses</source>
        <translation>E-Mail-Adressen importieren</translation>
    </message>
    <message>
        <source>Lists (*.txt *.csv *.tsv);;All files (*)</source>
        <translation>Listen (*.txt *.csv *.tsv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 is larger than 8 MiB; that is not a list of addresses.</source>
        <translation>%1 ist größer als 8 MiB; das ist keine Adressliste.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid e-mail address.</source>
        <translation>„%1“ ist keine gültige E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>Enter an e-mail address.</source>
        <translation>Geben Sie eine E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <source>Checking current members… %v of %m</source>
        <translation>Aktuelle Mitglieder werden geprüft… %v von %m</translation>
    </message>
    <message>
        <source>%1 is already a member of this organization.</source>
        <translation>%1 ist bereits Mitglied dieser Organisation.</translation>
    </message>
    <message numerus="yes">
        <source>%n address(es) could not be checked against the server; the server will refuse any that are already members.</source>
        <translation>
            <numerusform>%n Adresse konnte nicht beim Server geprüft werden; der Server lehnt Adressen ab, die bereits Mitglied sind.</numerusform>
            <numerusform>%n Adressen konnten nicht beim Server geprüft werden; der Server lehnt Adressen ab, die bereits Mitglied sind.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending… %v of %m</source>
        <translation>Wird gesendet… %v von %m</translation>
    </message>
    <message>
        <source>Could not invite %1: %2</source>
        <translation>%1 konnte nicht eingeladen werden: %2</translation>
    </message>
    <message>
        <source>Save invitation results</source>
        <translation>Einladungsergebnisse speichern</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Send %n invitation(s)</source>
        <translation>
            <numerusform>%n Einladung &amp;senden</numerusform>
            <numerusform>%n Einladungen &amp;senden</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Send invitations</source>
        <translation>Einladungen &amp;senden</translation>
    </message>
    <message>
        <source>Paste or import addresses, then check the list.</source>
        <translation>Adressen einfügen oder importieren, dann die Liste prüfen.</translation>
    </message>
    <message numerus="yes">
        <source>%n address(es)</source>
        <translation>
            <numerusform>%n Adresse</numerusform>
            <numerusform>%n Adressen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ready</source>
        <translation>
            <numerusform>%n bereit</numerusform>
            <numerusform>%n bereit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invalid</source>
        <translation>
            <numerusform>%n ungültig</numerusform>
            <numerusform>%n ungültig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate(s)</source>
        <translation>
            <numerusform>%n Duplikat</numerusform>
            <numerusform>%n Duplikate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already member(s)</source>
        <translation>
            <numerusform>%n bereits Mitglied</numerusform>
            <numerusform>%n bereits Mitglieder</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::MainWindow</name>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Organization shown by Members, Audit log and Usage</source>
        <translation>Organisation für Mitglieder, Audit-Log und Nutzung</translation>
    </message>
    <message>
        <source>No organization</source>
        <translation>Keine Organisation</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n Problem</numerusform>
            <numerusform>%n Probleme</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Show Times in &amp;UTC</source>
        <translation>Zeiten in &amp;UTC anzeigen</translation>
    </message>
    <message>
        <source>&amp;Activity Log</source>
        <translation>&amp;Aktivitätsprotokoll</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Ctrl+/</source>
        <translation>Ctrl+/</translation>
    </message>
    <message>
        <source>&amp;About Orgscope</source>
        <translation>&amp;Über Orgscope</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Organization: </source>
        <translation>Organisation: </translation>
    </message>
    <message>
        <source>Choose Organization</source>
        <translation>Organisation auswählen</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) in flight</source>
        <translation>
            <numerusform>%n laufende Anfrage</numerusform>
            <numerusform>%n laufende Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Not connected — File › Connect… to choose a connection</source>
        <translation>Nicht verbunden — Datei › Verbinden…, um eine Verbindung zu wählen</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <source>Connected to %1 as %2</source>
        <translation>Verbunden mit %1 als %2</translation>
    </message>
    <message>
        <source>Connection failed: %1</source>
        <translation>Verbindung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>About Orgscope</source>
        <translation>Über Orgscope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Orgscope %1&lt;/h3&gt;&lt;p&gt;A desktop console for the Cloudflare Organizations API.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Orgscope %1&lt;/h3&gt;&lt;p&gt;Eine Desktop-Konsole für die Cloudflare Organizations API.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2, läuft mit Qt %3.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ui::MemberDetailsPanel</name>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-Mail:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Two-factor auth:</source>
        <translation>Zwei-Faktor-Auth.:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Updated:</source>
        <translation>Aktualisiert:</translation>
    </message>
    <message>
        <source>Membership ID:</source>
        <translation>Mitgliedschafts-ID:</translation>
    </message>
    <message>
        <source>User ID:</source>
        <translation>Benutzer-ID:</translation>
    </message>
    <message>
        <source>Show this member&apos;s activity</source>
        <translation>Aktivität dieses Mitglieds anzeigen</translation>
    </message>
    <message>
        <source>Open the audit log filtered by this member&apos;s e-mail</source>
        <translation>Audit-Log gefiltert nach der E-Mail dieses Mitglieds öffnen</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(kein Name)</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>Not enabled</source>
        <translation>Nicht aktiviert</translation>
    </message>
    <message numerus="yes">
        <source>%n members selected.</source>
        <translation>
            <numerusform>%n Mitglied ausgewählt.</numerusform>
            <numerusform>%n Mitglieder ausgewählt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a member to see their details.</source>
        <translation>Wählen Sie ein Mitglied, um seine Details zu sehen.</translation>
    </message>
</context>
<context>
    <name>ui::MembersPage</name>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Invite…</source>
        <translation>&amp;Einladen…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Invite one or many members (Ctrl+I)</source>
        <translation>Ein oder mehrere Mitglieder einladen (Strg+I)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected members (Delete)</source>
        <translation>Ausgewählte Mitglieder entfernen (Entf)</translation>
    </message>
    <message>
        <source>Filter by e-mail</source>
        <translation>Nach E-Mail filtern</translation>
    </message>
    <message>
        <source>Export as &amp;CSV…</source>
        <translation>Als &amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>Export as &amp;JSON…</source>
        <translation>Als &amp;JSON exportieren…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Active or pending</source>
        <translation>Aktiv oder ausstehend</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Status filter, applied by the server</source>
        <translation>Statusfilter, vom Server angewendet</translation>
    </message>
    <message>
        <source>Loaded rows contain</source>
        <translation>Geladene Zeilen enthalten</translation>
    </message>
    <message>
        <source>E-mail is</source>
        <translation>E-Mail ist</translation>
    </message>
    <message>
        <source>E-mail contains</source>
        <translation>E-Mail enthält</translation>
    </message>
    <message>
        <source>E-mail starts with</source>
        <translation>E-Mail beginnt mit</translation>
    </message>
    <message>
        <source>E-mail ends with</source>
        <translation>E-Mail endet mit</translation>
    </message>
    <message>
        <source>&quot;Loaded rows&quot; filters instantly what is shown; the other forms ask the server (press Enter)</source>
        <translation>„Geladene Zeilen“ filtert sofort die Anzeige; die anderen Varianten fragen den Server (Eingabetaste drücken)</translation>
    </message>
    <message>
        <source>Filter by e-mail or name (Ctrl+F)</source>
        <translation>Nach E-Mail oder Name filtern (Strg+F)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>E-mail to ask the server for, then Enter</source>
        <translation>E-Mail für die Serverabfrage, dann Eingabetaste</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Loading members… %v of %m</source>
        <translation>Mitglieder werden geladen… %v von %m</translation>
    </message>
    <message>
        <source>Choose an organization before inviting members.</source>
        <translation>Wählen Sie eine Organisation, bevor Sie Mitglieder einladen.</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiterer</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n member(s) from %1? They lose access to the organization.</source>
        <translation>
            <numerusform>%n Mitglied aus %1 entfernen? Es verliert den Zugriff auf die Organisation.</numerusform>
            <numerusform>%n Mitglieder aus %1 entfernen? Sie verlieren den Zugriff auf die Organisation.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove members</source>
        <translation>Mitglieder entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n member(s)</source>
        <translation>
            <numerusform>%n Mitglied entfernen</numerusform>
            <numerusform>%n Mitglieder entfernen</numerusform>
        </translation>
    </message>
    <message>
        <source>Removing… %v of %m</source>
        <translation>Wird entfernt… %v von %m</translation>
    </message>
    <message>
        <source>Removal results</source>
        <translation>Ergebnisse des Entfernens</translation>
    </message>
    <message>
        <source>Export members</source>
        <translation>Mitglieder exportieren</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Choose an organization to see its members.</source>
        <translation>Wählen Sie eine Organisation, um ihre Mitglieder zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n Mitglied</numerusform>
            <numerusform>%n Mitglieder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n loaded member(s) shown</source>
        <translation>
            <numerusform>%1 von %n geladenen Mitglied angezeigt</numerusform>
            <numerusform>%1 von %n geladenen Mitgliedern angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>(%1 in total, loading…)</source>
        <translation>(%1 insgesamt, wird geladen…)</translation>
    </message>
</context>
<context>
    <name>ui::MessageBanner</name>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>ui::MoveOrganizationDialog</name>
    <message>
        <source>Move “%1”</source>
        <translation>„%1“ verschieben</translation>
    </message>
    <message>
        <source>Find a parent by name</source>
        <translation>Übergeordnete Organisation nach Name suchen</translation>
    </message>
    <message>
        <source>&amp;Move Here</source>
        <translation>Hierher &amp;verschieben</translation>
    </message>
    <message>
        <source>Choose the new &amp;parent of “%1”:</source>
        <translation>Neue &amp;übergeordnete Organisation für „%1“ wählen:</translation>
    </message>
    <message>
        <source>That is already its parent.</source>
        <translation>Das ist bereits die übergeordnete Organisation.</translation>
    </message>
    <message>
        <source>The new parent must allow sub-organizations. The API may refuse moves altogether; the console will say so.</source>
        <translation>Die neue übergeordnete Organisation muss Unterorganisationen erlauben. Die API lehnt Verschiebungen möglicherweise grundsätzlich ab; die Konsole zeigt das dann an.</translation>
    </message>
</context>
<context>
    <name>ui::OrganizationDetailsView</name>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the organization ID to the clipboard</source>
        <translation>Organisations-ID in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Capability</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>ID:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Parent:</source>
        <translation>Übergeordnet:</translation>
    </message>
    <message>
        <source>Managed by:</source>
        <translation>Verwaltet von:</translation>
    </message>
    <message>
        <source>Hierarchy:</source>
        <translation>Hierarchie:</translation>
    </message>
    <message>
        <source>Sub-organizations:</source>
        <translation>Unterorganisationen:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Capabilities&lt;/b&gt;</source>
        <translation>&lt;b&gt;Funktionen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Local time: %1</source>
        <translation>Ortszeit: %1</translation>
    </message>
    <message>
        <source>UTC: %1</source>
        <translation>UTC: %1</translation>
    </message>
    <message>
        <source>None — this is a root organization</source>
        <translation>Keine — dies ist eine Stammorganisation</translation>
    </message>
    <message>
        <source>%1 (%2) — not visible with these credentials</source>
        <translation>%1 (%2) — mit diesen Zugangsdaten nicht sichtbar</translation>
    </message>
    <message>
        <source>an organization</source>
        <translation>eine Organisation</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Hierarchy tags: %1</source>
        <translation>Hierarchie-Tags: %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message numerus="yes">
        <source>%n visible</source>
        <translation>
            <numerusform>%n sichtbar</numerusform>
            <numerusform>%n sichtbar</numerusform>
        </translation>
    </message>
    <message>
        <source>Raw value: “%1”</source>
        <translation>Rohwert: „%1“</translation>
    </message>
    <message>
        <source>The API reported no capability flags for this organization.</source>
        <translation>Die API hat für diese Organisation keine Funktionsmerkmale gemeldet.</translation>
    </message>
    <message>
        <source>From meta.tenant_flags.</source>
        <translation>Aus meta.tenant_flags.</translation>
    </message>
    <message>
        <source>From meta.flags (older API shape).</source>
        <translation>Aus meta.flags (ältere API-Form).</translation>
    </message>
    <message>
        <source>Select an organization to see its details.</source>
        <translation>Wählen Sie eine Organisation, um ihre Details zu sehen.</translation>
    </message>
    <message>
        <source>Account creation</source>
        <translation>Kontoerstellung</translation>
    </message>
    <message>
        <source>New accounts get tenant defaults</source>
        <translation>Neue Konten erhalten Mandanten-Standardwerte</translation>
    </message>
    <message>
        <source>Account deletion</source>
        <translation>Kontolöschung</translation>
    </message>
    <message>
        <source>Account migration</source>
        <translation>Kontomigration</translation>
    </message>
    <message>
        <source>Account mobility</source>
        <translation>Kontomobilität</translation>
    </message>
    <message>
        <source>Enterprise capability</source>
        <translation>Enterprise-Funktion</translation>
    </message>
    <message>
        <source>Member management</source>
        <translation>Mitgliederverwaltung</translation>
    </message>
    <message>
        <source>Sub-organization creation</source>
        <translation>Erstellen von Unterorganisationen</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Unknown (empty)</source>
        <translation>Unbekannt (leer)</translation>
    </message>
    <message>
        <source>%1 (unknown value)</source>
        <translation>%1 (unbekannter Wert)</translation>
    </message>
</context>
<context>
    <name>ui::OrganizationTabs</name>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Details</translation>
    </message>
    <message>
        <source>A&amp;ccounts</source>
        <translation>&amp;Konten</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>&amp;Profil</translation>
    </message>
    <message>
        <source>Copied account ID %1.</source>
        <translation>Konto-ID %1 kopiert.</translation>
    </message>
    <message>
        <source>Copied organization ID %1.</source>
        <translation>Organisations-ID %1 kopiert.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>&amp;Profile •</source>
        <translation>&amp;Profil •</translation>
    </message>
    <message>
        <source>Connect to see your organizations.</source>
        <translation>Verbinden Sie sich, um Ihre Organisationen zu sehen.</translation>
    </message>
    <message>
        <source>No organization selected</source>
        <translation>Keine Organisation ausgewählt</translation>
    </message>
    <message>
        <source>The organizations could not be loaded.</source>
        <translation>Die Organisationen konnten nicht geladen werden.</translation>
    </message>
    <message>
        <source>These credentials can see no organization. Create one with New Root Organization (Ctrl+Shift+N).</source>
        <translation>Mit diesen Zugangsdaten ist keine Organisation sichtbar. Legen Sie eine mit „Neue Stammorganisation“ an (Strg+Umschalt+N).</translation>
    </message>
    <message>
        <source>Choose an organization to see its accounts.</source>
        <translation>Wählen Sie eine Organisation, um ihre Konten zu sehen.</translation>
    </message>
    <message>
        <source>Loading accounts… %1 of %2</source>
        <translation>Konten werden geladen… %1 von %2</translation>
    </message>
    <message>
        <source>Loading accounts…</source>
        <translation>Konten werden geladen…</translation>
    </message>
    <message>
        <source>Loading accounts… %1</source>
        <translation>Konten werden geladen… %1</translation>
    </message>
    <message>
        <source>The accounts could not be loaded.</source>
        <translation>Die Konten konnten nicht geladen werden.</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) match the filter.</source>
        <translation>
            <numerusform>%n Konto entspricht dem Filter.</numerusform>
            <numerusform>%n Konten entsprechen dem Filter.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) in this organization.</source>
        <translation>
            <numerusform>%n Konto in dieser Organisation.</numerusform>
            <numerusform>%n Konten in dieser Organisation.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Accounts</source>
        <translation>Konten exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n account(s) to %1.</source>
        <translation>
            <numerusform>%n Konto nach %1 exportiert.</numerusform>
            <numerusform>%n Konten nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose an organization to see its business profile.</source>
        <translation>Wählen Sie eine Organisation, um ihr Unternehmensprofil zu sehen.</translation>
    </message>
    <message>
        <source>Loading the business profile…</source>
        <translation>Unternehmensprofil wird geladen…</translation>
    </message>
    <message>
        <source>The business profile could not be loaded.</source>
        <translation>Das Unternehmensprofil konnte nicht geladen werden.</translation>
    </message>
</context>
<context>
    <name>ui::OrganizationsPage</name>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>Organisationen</translation>
    </message>
    <message>
        <source>Organization actions</source>
        <translation>Organisationsaktionen</translation>
    </message>
    <message>
        <source>Filter by name (Ctrl+F)</source>
        <translation>Nach Name filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Account ID</source>
        <translation>Konto-ID</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>Benutzer-ID</translation>
    </message>
    <message>
        <source>Organization ID</source>
        <translation>Organisations-ID</translation>
    </message>
    <message>
        <source>What the ID identifies</source>
        <translation>Wofür die ID steht</translation>
    </message>
    <message>
        <source>Find containing…</source>
        <translation>Übergeordnete suchen…</translation>
    </message>
    <message>
        <source>Show the organizations that contain this account, user or organization ID (Ctrl+Shift+F)</source>
        <translation>Organisationen anzeigen, die diese Konto-, Benutzer- oder Organisations-ID enthalten (Strg+Umschalt+F)</translation>
    </message>
    <message>
        <source>F&amp;ind</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>Show &amp;All</source>
        <translation>&amp;Alle anzeigen</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suche:</translation>
    </message>
    <message>
        <source>Copied organization ID %1.</source>
        <translation>Organisations-ID %1 kopiert.</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>New sub-organization under the selected organization (Ctrl+N)</source>
        <translation>Neue Unterorganisation unter der ausgewählten Organisation (Strg+N)</translation>
    </message>
    <message>
        <source>New &amp;Root Organization…</source>
        <translation>Neue &amp;Stammorganisation…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>Rename the selected organization (F2)</source>
        <translation>Ausgewählte Organisation umbenennen (F2)</translation>
    </message>
    <message>
        <source>&amp;Move…</source>
        <translation>&amp;Verschieben…</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Move the selected organization under another parent (Ctrl+M)</source>
        <translation>Ausgewählte Organisation unter eine andere übergeordnete verschieben (Strg+M)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Delete the selected organization; it must be empty (Del)</source>
        <translation>Ausgewählte Organisation löschen; sie muss leer sein (Entf)</translation>
    </message>
    <message>
        <source>Copy &amp;ID</source>
        <translation>&amp;ID kopieren</translation>
    </message>
    <message>
        <source>Find Containing…</source>
        <translation>Übergeordnete suchen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>Search Organizations</source>
        <translation>Organisationen durchsuchen</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <source>Reload the organization tree (F5)</source>
        <translation>Organisationsbaum neu laden (F5)</translation>
    </message>
    <message>
        <source>New sub-organization under “%1” (Ctrl+N). Its capabilities say sub-organization creation is disabled, so the API will probably refuse.</source>
        <translation>Neue Unterorganisation unter „%1“ (Strg+N). Laut ihren Funktionen ist das Erstellen von Unterorganisationen deaktiviert, daher wird die API wahrscheinlich ablehnen.</translation>
    </message>
    <message>
        <source>Loading organizations… %1</source>
        <translation>Organisationen werden geladen… %1</translation>
    </message>
    <message>
        <source>Loading organizations…</source>
        <translation>Organisationen werden geladen…</translation>
    </message>
    <message>
        <source>Showing the last loaded organizations.</source>
        <translation>Die zuletzt geladenen Organisationen werden angezeigt.</translation>
    </message>
    <message>
        <source>No organizations loaded.</source>
        <translation>Keine Organisationen geladen.</translation>
    </message>
    <message>
        <source>These credentials can see no organization.</source>
        <translation>Mit diesen Zugangsdaten ist keine Organisation sichtbar.</translation>
    </message>
    <message numerus="yes">
        <source>%n organization(s)</source>
        <translation>
            <numerusform>%n Organisation</numerusform>
            <numerusform>%n Organisationen</numerusform>
        </translation>
    </message>
    <message>
        <source>The business profile of “%1” has unsaved changes. Save them before leaving?</source>
        <translation>Das Unternehmensprofil von „%1“ enthält ungespeicherte Änderungen. Vor dem Verlassen speichern?</translation>
    </message>
    <message>
        <source>Name of the new sub-organization of “%1”:</source>
        <translation>Name der neuen Unterorganisation von „%1“:</translation>
    </message>
    <message>
        <source>Name of the new root organization:</source>
        <translation>Name der neuen Stammorganisation:</translation>
    </message>
    <message>
        <source>New Organization</source>
        <translation>Neue Organisation</translation>
    </message>
    <message>
        <source>Rename Organization</source>
        <translation>Organisation umbenennen</translation>
    </message>
    <message>
        <source>New name of “%1”:</source>
        <translation>Neuer Name für „%1“:</translation>
    </message>
    <message>
        <source>Delete the organization “%1” (%2)?

This cannot be undone. The API deletes only empty organizations: no sub-organizations, accounts or members.</source>
        <translation>Organisation „%1“ (%2) löschen?

Dies kann nicht rückgängig gemacht werden. Die API löscht nur leere Organisationen: ohne Unterorganisationen, Konten oder Mitglieder.</translation>
    </message>
    <message>
        <source>Delete Organization</source>
        <translation>Organisation löschen</translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation>„%1“ löschen</translation>
    </message>
    <message>
        <source>Expand All</source>
        <translation>Alle ausklappen</translation>
    </message>
    <message>
        <source>Collapse All</source>
        <translation>Alle einklappen</translation>
    </message>
</context>
<context>
    <name>ui::ProfileForm</name>
    <message>
        <source>&amp;Save Profile</source>
        <translation>Profil &amp;speichern</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>Legal business name</source>
        <translation>Rechtlicher Firmenname</translation>
    </message>
    <message>
        <source>billing@example.com</source>
        <translation>billing@example.com</translation>
    </message>
    <message>
        <source>+1-512-555-0142</source>
        <translation>+49 30 1234567</translation>
    </message>
    <message>
        <source>Street, city, postal code, country</source>
        <translation>Straße, Ort, Postleitzahl, Land</translation>
    </message>
    <message>
        <source>Free text kept with the profile; a JSON document works well</source>
        <translation>Freitext, der mit dem Profil gespeichert wird; ein JSON-Dokument eignet sich gut</translation>
    </message>
    <message>
        <source>Business &amp;name:</source>
        <translation>&amp;Firmenname:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>E&amp;xternal metadata:</source>
        <translation>E&amp;xterne Metadaten:</translation>
    </message>
    <message>
        <source>Replace the business profile with these values (Ctrl+S)</source>
        <translation>Unternehmensprofil durch diese Werte ersetzen (Strg+S)</translation>
    </message>
    <message>
        <source>Put back the values last loaded from the API</source>
        <translation>Zuletzt von der API geladene Werte wiederherstellen</translation>
    </message>
    <message>
        <source>Save Profile</source>
        <translation>Profil speichern</translation>
    </message>
    <message>
        <source>Choose an organization to see its business profile.</source>
        <translation>Wählen Sie eine Organisation, um ihr Unternehmensprofil zu sehen.</translation>
    </message>
    <message>
        <source>This organization has no business profile yet: fill it in and save.</source>
        <translation>Diese Organisation hat noch kein Unternehmensprofil: Füllen Sie es aus und speichern Sie.</translation>
    </message>
    <message>
        <source>Correct the highlighted fields before saving.</source>
        <translation>Korrigieren Sie vor dem Speichern die markierten Felder.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Profile saved.</source>
        <translation>Profil gespeichert.</translation>
    </message>
    <message>
        <source>Not saved: %1 Your edits are kept.</source>
        <translation>Nicht gespeichert: %1 Ihre Änderungen bleiben erhalten.</translation>
    </message>
</context>
<context>
    <name>ui::UsageAnomalyPanel</name>
    <message>
        <source>&amp;Anomalies</source>
        <translation>&amp;Auffälligkeiten</translation>
    </message>
    <message>
        <source>Days that depart from the group&apos;s recent level. Enter or double-click opens the audit log around that day.</source>
        <translation>Tage, die vom jüngsten Niveau der Gruppe abweichen. Eingabetaste oder Doppelklick öffnet das Audit-Log um diesen Tag.</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Basiswert</translation>
    </message>
    <message>
        <source>Enter or double-click: open the audit log around this day</source>
        <translation>Eingabetaste oder Doppelklick: Audit-Log um diesen Tag öffnen</translation>
    </message>
</context>
<context>
    <name>ui::UsageBarChart</name>
    <message>
        <source>mixed units</source>
        <translation>gemischte Einheiten</translation>
    </message>
</context>
<context>
    <name>ui::UsageBreadcrumbBar</name>
    <message>
        <source>All usage</source>
        <translation>Gesamte Nutzung</translation>
    </message>
    <message>
        <source>Back to this level</source>
        <translation>Zurück zu dieser Ebene</translation>
    </message>
</context>
<context>
    <name>ui::UsageChart</name>
    <message>
        <source>trillions</source>
        <translation>Billionen</translation>
    </message>
    <message>
        <source>billions</source>
        <translation>Milliarden</translation>
    </message>
    <message>
        <source>millions</source>
        <translation>Millionen</translation>
    </message>
    <message>
        <source>thousands</source>
        <translation>Tausend</translation>
    </message>
</context>
<context>
    <name>ui::UsageControlsBar</name>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Letzter Monat</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Letzte 12 Monate</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>&amp;Measure:</source>
        <translation>&amp;Messgröße:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Then by</source>
        <translation>Dann nach</translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation>&amp;Gruppieren nach:</translation>
    </message>
    <message>
        <source>then</source>
        <translation>dann</translation>
    </message>
    <message>
        <source>G&amp;ranularity:</source>
        <translation>&amp;Auflösung:</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Keep the largest groups and fold the rest into &quot;Other&quot;</source>
        <translation>Die größten Gruppen behalten und den Rest unter „Sonstige“ zusammenfassen</translation>
    </message>
    <message>
        <source>&amp;Top:</source>
        <translation>&amp;Top:</translation>
    </message>
    <message>
        <source>Stacked bars</source>
        <translation>Gestapelte Balken</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Linien</translation>
    </message>
    <message>
        <source>Donut</source>
        <translation>Ring</translation>
    </message>
    <message>
        <source>C&amp;hart:</source>
        <translation>&amp;Diagramm:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
</context>
<context>
    <name>ui::UsageExporter</name>
    <message>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Nutzung</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ui::UsageLineChart</name>
    <message>
        <source>mixed units</source>
        <translation>gemischte Einheiten</translation>
    </message>
</context>
<context>
    <name>ui::UsagePage</name>
    <message>
        <source>Usage could not be loaded: %1</source>
        <translation>Nutzung konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Nutzung</translation>
    </message>
    <message>
        <source>Chart as PNG…</source>
        <translation>Diagramm als PNG…</translation>
    </message>
    <message>
        <source>Chart as SVG…</source>
        <translation>Diagramm als SVG…</translation>
    </message>
    <message>
        <source>Pivot as CSV…</source>
        <translation>Pivot-Tabelle als CSV…</translation>
    </message>
    <message>
        <source>Records as CSV…</source>
        <translation>Datensätze als CSV…</translation>
    </message>
    <message>
        <source>%v of %m requests</source>
        <translation>%v von %m Anfragen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Enter or double-click a group to drill into it</source>
        <translation>Eingabetaste oder Doppelklick auf eine Gruppe zeigt deren Details</translation>
    </message>
    <message>
        <source>This organization&apos;s usage records carry no cost columns (the API does not populate them yet); showing consumed quantities.</source>
        <translation>Die Nutzungsdaten dieser Organisation enthalten keine Kostenspalten (die API füllt sie noch nicht); angezeigt werden verbrauchte Mengen.</translation>
    </message>
    <message>
        <source>These groups add quantities of different units (for example requests and GB), so totals have no single unit; group by Metric to compare like with like.</source>
        <translation>Diese Gruppen addieren Mengen unterschiedlicher Einheiten (z. B. Anfragen und GB), daher haben die Summen keine einheitliche Einheit; nach Metrik gruppieren, um Gleiches mit Gleichem zu vergleichen.</translation>
    </message>
    <message>
        <source>Consumed quantity in %1.</source>
        <translation>Verbrauchte Menge in %1.</translation>
    </message>
    <message>
        <source>Loading usage…</source>
        <translation>Nutzung wird geladen…</translation>
    </message>
    <message>
        <source>Choose an organization to see its usage.</source>
        <translation>Wählen Sie eine Organisation, um ihre Nutzung zu sehen.</translation>
    </message>
    <message>
        <source>No usage loaded yet.</source>
        <translation>Noch keine Nutzung geladen.</translation>
    </message>
    <message>
        <source>No usage in this range.</source>
        <translation>Keine Nutzung in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>%1 – %2: %3 records</source>
        <translation>%1 – %2: %3 Datensätze</translation>
    </message>
    <message numerus="yes">
        <source>, %n correction(s)</source>
        <translation>
            <numerusform>, %n Korrektur</numerusform>
            <numerusform>, %n Korrekturen</numerusform>
        </translation>
    </message>
    <message>
        <source> — part of the range is not loaded</source>
        <translation> — ein Teil des Zeitraums ist nicht geladen</translation>
    </message>
    <message>
        <source> — previous period not loaded</source>
        <translation> — Vorperiode nicht geladen</translation>
    </message>
    <message numerus="yes">
        <source>&quot;Other&quot; folds %n group(s); raise Top to see them.</source>
        <translation>
            <numerusform>„Sonstige“ fasst %n Gruppe zusammen; erhöhen Sie „Top“, um sie zu sehen.</numerusform>
            <numerusform>„Sonstige“ fasst %n Gruppen zusammen; erhöhen Sie „Top“, um sie zu sehen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing further to drill into.</source>
        <translation>Keine weitere Detailebene.</translation>
    </message>
    <message>
        <source>Export pivot</source>
        <translation>Pivot-Tabelle exportieren</translation>
    </message>
    <message>
        <source>Export records</source>
        <translation>Datensätze exportieren</translation>
    </message>
</context>
</TS>
