# Accord's interface in English: the reference catalog. Every message here must exist in fr.ftl
# and km.ftl, and those may hold nothing else (tested: i18n::tests::catalogs_match_english).
# Numbers given as arguments are written by the application (digits and grouping per language).

## Every page (base.html)

site-name = Accord
skip-to-content = Skip to content
nav-account = Account
sign-in = Sign in
sign-out = Sign out
language-switch = Language
language-choose = Show in this language

## The error page and API error messages

error-title-400 = Bad request
error-title-401 = Sign in
error-title-403 = Not allowed
error-title-404 = Not found
error-title-409 = Already exists
error-title-413 = File too large
error-title-422 = Please correct the form
error-title-429 = Too many attempts
error-title-500 = Server error
error-title-503 = Unavailable
error-not-found = There is nothing here, or you may not see it.
error-sign-in = Sign in to continue.
error-internal = Something went wrong on our side. The error has been logged.
error-too-many = Too many attempts; try again in { $seconds ->
    [one] { $seconds } second
   *[other] { $seconds } seconds
}.
error-too-large = The file is larger than the upload limit of { $limit } bytes.
error-detail = Details (in English): { $detail }
error-back = Back to the cases

## Case navigation (case_nav.html)

nav-cases = Cases
nav-case = Case
nav-dashboard = Dashboard
nav-timeline = Timeline
nav-provisions = Provisions
nav-elections = Elections
nav-letters = Letters
nav-new-incident = New incident
nav-members = Members
badge-private = private
badge-published = published

## Case list (cases.html)

cases-title = Cases
cases-col-case = Case
cases-col-country = Country
cases-col-access = Your access
cases-none = There is no case you may see
cases-none-sign-in = sign in to see your cases
access-public = published (read-only)
access-admin = administrator

## Sign-in (login.html)

login-title = Sign in
login-email = E-mail
login-password = Password
login-submit = Sign in
login-wrong = The e-mail address or the password is not right.
login-busy = The server is busy. Try again in a moment.
login-too-many = Too many failed attempts. Try again in { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}.

login-too-many-seconds = Too many failed attempts. Try again in { $seconds ->
    [one] { $seconds } second
   *[other] { $seconds } seconds
}.

## Account (account.html)

account-title = Your account
account-signed-in-as = Signed in as { $email }.
account-signed-in-as-admin = Signed in as { $email } (administrator).
account-naming-heading = How you are named in published cases
account-naming-text = Readers who are not members of a case never see your e-mail address. On a published case, what you wrote or reviewed is attributed as you choose here; members of the case see your address.
account-display-name = Display name
account-organisation = Organisation
account-named-by = Named by
account-named-role = only my role in the case (“an editor of the case”)
account-named-organisation = my organisation
account-named-name = my display name
account-save = Save
account-sessions-heading = Sessions
account-sessions-text = Where you are signed in. A session ends after { $hours ->
    [one] { $hours } hour
   *[other] { $hours } hours
} without use, and after two weeks in any case.
account-col-started = Started
account-col-last-used = Last used
account-col-from = From
account-unknown = unknown
account-this-session = this session
account-sign-out-everywhere = Sign out everywhere
account-password-heading = Password
account-password-text = Changing your password ends your other sessions.
account-current-password = Current password
account-new-password = New password (at least 10 characters)
account-new-password-again = New password again
account-change-password = Change the password
account-password-changed = Your password was changed; your other sessions have ended.
account-password-wrong = The current password is not right.
account-password-short = The new password must have at least { $min } characters.
account-password-long = The new password must have at most { $max } characters.
account-password-differ = The two new passwords differ.
account-tokens-heading = API tokens
account-tokens-text = Use a token with the JSON API: { $header }. The API is described at { $url }.
account-new-token = Your new token (shown only once):
account-col-name = Name
account-col-scope = Scope
account-col-created = Created
account-col-expires = Expires
account-scope-read = read-only
account-scope-write = read and write
account-expired = expired
account-never = never
account-revoke = Revoke
account-token-name = Token name
account-token-name-example = e.g. laptop script
account-token-expiry = Expires after (days; empty: never)
account-token-read-only = Read-only (the token can read, never change anything)
account-create-token = Create a token

## Members (members.html)

members-title = Members and publication
members-publication = Publication
members-published = This case is published: anyone can read it (read-only).
members-private = This case is private: only its members see it.
members-make-private = Make private
members-publish = Publish a read-only view
members-review = Review
members-self-review-on = A finding's author may confirm it (self-review is allowed in this case).
members-self-review-off = A finding is confirmed by someone other than its author.
members-require-reviewer = Require another reviewer
members-allow-self-review = Allow authors to confirm their own findings
members-heading = Members
members-col-email = E-mail
members-col-role = Role
members-col-actions = Actions
members-remove = Remove
members-none = No members yet.
members-add-heading = Add or change a member
members-email = E-mail of an existing account
members-role = Role
members-save = Save
members-now-role = { $email } is now { $role } of this case.
members-no-longer = { $email } is no longer a member.
members-no-account = email: no account uses “{ $email }”; create it first (accord user add)
members-choose-role = role: choose a role

## Timeline (timeline.html)

timeline-title = Timeline
timeline-search = Search
timeline-search-placeholder = Words in any language
timeline-kind = Kind
timeline-any = Any
timeline-actor = Actor
timeline-theme = Right / theme
timeline-verdict = Verdict
timeline-from = From
timeline-to = To
timeline-filter = Filter
timeline-clear = Clear
timeline-incidents = { $total ->
    [one] incident
   *[other] incidents
}
timeline-shown = { $first }–{ $last } shown
timeline-pages = Pages
timeline-newer = ← Newer
timeline-older = Older →
timeline-page = Page { $page } of { $pages }
timeline-download = Download these incidents (CSV)
timeline-download-uwazi = Uwazi CSV
timeline-import = Import a table

## Dashboard (dashboard.html)

dash-as-of = Status as of
dash-show = Show
dash-today = Today
dash-as-of-notice = The status as it stood on { $day }: only the incidents that may have happened by then (an incident counts from the first day it may have happened) and the findings on them.
dash-mechanisms = Mechanisms
dash-awaiting = Letters awaiting a response past their deadline
dash-triggered = Triggered
dash-since-by = since { $since }, by { $count ->
    [one] { $count } confirmed finding
   *[other] { $count } confirmed findings
}.
dash-asked = Last asked for on { $date } ({ $ago }) in
dash-asked-latest-of = , the latest of { $count } letters
dash-latest-response = latest response: { $from }, { $date } ({ $ago }),
dash-no-response = no response recorded.
dash-not-asked = Not asked for in any letter of this case yet.
dash-not-triggered = Not triggered
dash-requested-by = Requested by
dash-must-act = Must act
dash-consult = Consult
dash-action = Action
dash-chain = The chain: findings → incidents → sources
dash-more = { $count ->
    [one] { $count } more finding
   *[other] { $count } more findings
}: the whole chain
dash-no-mechanisms = This case has no mechanisms.
dash-over-time = Over time
dash-over-time-as-of = Over time, as of { $day }
dash-timeline-caption = Mechanisms triggered, letters sent and responses received.
dash-as-table = The same as a table
dash-col-date = Date
dash-col-what = What
dash-nothing-yet = Nothing yet.
dash-findings-caption-year = Confirmed findings per year of their earliest incident, by verdict.
dash-findings-caption-month = Confirmed findings per month of their earliest incident, by verdict.
dash-col-year = Year
dash-col-month = Month
dash-col-total = Total
dash-no-finding = No confirmed finding.
dash-col-provision = Provision
dash-col-status = Status
dash-col-confirmed = Confirmed findings
dash-col-implementation = Implementation
dash-latest = Latest incidents
dash-by-day = by { $day }
dash-in-all = in all

## Provision states and implementation scores (Peace Accords Matrix)

state-violated = violated
state-threatened = threatened
state-concern = concern
state-none = none
score-0 = not implemented
score-1 = minimal
score-2 = intermediate
score-3 = full

## Provisions (provisions.html)

prov-as-of-notice = As it stood on { $day }: the incidents that may have happened by then and the findings on them.
prov-none = No provision recorded.
instrument-kind-agreement = agreement
instrument-kind-annex = annex
instrument-kind-covenant = covenant
instrument-kind-constitution = constitution
instrument-kind-law = law
instrument-kind-declaration = declaration
instrument-kind-other = other

## Sign-on pages for signatories (letters/sign.html, sign_status.html, withdraw.html)

sign-title = Sign: { $title }
sign-invited = You have been invited to co-sign this letter. Read it below; the text you sign is exactly this one.
sign-exact-text = The exact text signed, and its SHA-256
sign-sha-note = (the SHA-256 of this text, as sha256sum computes it).
sign-or-decline = Sign or decline
sign-representative = Your name (signing for the organisation)
sign-organisation = The organisation's name, as it should be printed
sign-url = The organisation's web site (optional)
sign-submit = Sign the letter
sign-decline = Decline
sign-note = The coordinator verifies every signature before the name appears under the letter. After signing you get a link to withdraw the signature later.
sign-keep-link = Keep this link: it withdraws the signature if your organisation changes its mind. It is shown only now.
sign-withdraw-link = Withdraw link
sign-open = open
sign-unknown-title = Unknown link
sign-unknown = This link is not one Accord made, or it was copied incompletely. Check the link in the message you received, or ask the coordinator of the letter for a new one.
sign-used-title = This link has been used
sign-used-signed = Your organisation signed the letter with this link on { $when }. Nothing more is needed; signing again changes nothing.
sign-used-declined = Your organisation declined to sign with this link on { $when }. To sign after all, ask the coordinator for a new link.
sign-used-withdrawn = The signature was withdrawn with this link on { $when }.
sign-used-replaced = The coordinator sent a newer link on { $when }; use that one.
sign-expired-title = This link has expired
sign-expired = The link expired on { $when }. Ask the coordinator of the letter for a new one.
sign-wrong-title = Wrong kind of link
sign-wrong-sign = This is a link to sign or decline, not to withdraw a signature.
sign-wrong-withdraw = This is a link to withdraw a signature, not to sign.
sign-declined-title = You declined to sign
sign-declined = Thank you for your answer. The coordinator of the letter can see it.
sign-thanks-title = Thank you for signing
sign-thanks = { $organisation } has signed the letter. The coordinator will verify the signature before the name appears under the letter.
withdraw-title = Withdraw a signature
withdraw-text = { $organisation } signed “{ $title }”. Withdrawing takes the name off the published letter; it cannot be undone through this link.
withdraw-submit = Withdraw the signature
withdrawn-title = Signature withdrawn
withdrawn = { $organisation } no longer signs the letter; its name is taken off the published letter.

## Letters (letters/list.html, show.html, link.html, signatories.html)

letters-col-date = Date
letters-col-letter = Letter
letters-col-language = Language
letters-col-printed = Signatories printed
letters-col-coordinate = Coordinate
letters-printed-of = { $printed } of { $total }
letters-edit = Edit
letters-history = History
letters-signatories = Signatories
letters-none = This case has no letters yet.
letters-new = New letter
letters-after = after the letter
letters-follow-through = After the letter: deliveries, responses, deadlines
letters-download = Download:
letters-printed = { $printed ->
    [one] { $printed } verified signatory
   *[other] { $printed } verified signatories
} of this text
letters-pending = ; { $pending } not printed (invited, waiting for verification, declined, withdrawn or signed an earlier version)
letters-sha = . SHA-256 of the signed text:
link-title = Sign-on link for { $organisation }
link-send = Send this link to { $organisation }. It is shown only now: Accord keeps a fingerprint of it, not the link. It works once, for { $days ->
    [one] { $days } day
   *[other] { $days } days
}.
link-label = Sign-on link
link-no-base = Only the link's path is shown: the administrator has not configured this site's address (base_url, ACCORD_BASE_URL or --base-url), and Accord never builds it from the request.
link-back = Back to the signatories
signatories-title = Signatories: { $title }
signatories-printed = { $printed } printed under the letter
signatories-sha = SHA-256 of the current text:
signatories-col-organisation = Organisation
signatories-col-state = State
signatories-col-invitation = Invitation
signatories-col-actions = Actions
signatories-signed-by = signed by { $name }
signatories-invited = invited as { $name } ({ $contact }) on { $at }
signatories-verified-by = ; verified by { $who }
signatories-from-bundle = from the case bundle
signatories-verify = Verify
signatories-new-link = New sign link
signatories-invite = Invite an organisation
signatories-organisation = Organisation
signatories-country = Country (two letters)
signatories-contact = Contact (never published)
signatories-days = Link valid for (days)
signatories-submit = Invite and make a link
signatories-note = The link is shown once, on the next page: send it to the organisation. Accord keeps only a fingerprint of it.
signon-invited = invited
signon-signed = signed
signon-signed-earlier = signed an earlier version
signon-declined = declined
signon-withdrawn = withdrawn
signon-verified = verified


## Composing a letter (letters/compose.html)

compose-edit = Edit letter
compose-id = Letter id
compose-id-example = e.g. 2030-07-appeal
compose-id-help = Letters, digits, dots, dashes; it becomes part of the letter's address.
compose-language-example = en, km, fr
compose-addressees = Addressees
compose-addressees-help = One per line: name | title | organisation | role (for example “co-chair”).
compose-body = Body
compose-help-quote = quotes a provision verbatim,
compose-help-cite = adds a numbered note citing a source,
compose-help-footnote = a note with free text,
compose-help-incidents = lists the incidents behind it.
compose-closing = Closing
compose-closing-example = Yours sincerely,
compose-order = Signatories are printed
compose-order-alpha = alphabetically
compose-order-manual = in the order set for each
compose-cc = CC
compose-cc-help = One per line, in order.
compose-preview = Preview
compose-outdated = Saving this text changes what was signed: { $count ->
    [one] { $count } signature
   *[other] { $count } signatures
} will show as “signed an earlier version” until the organisations sign again.
compose-sha = SHA-256 of the text to sign:
compose-no-preview = No preview: correct the errors above.

## Incident (incident.html)

incident-date = Date
incident-kind = Kind
incident-place = Place
incident-themes = Rights / themes
incident-actors = Actors
incident-edit = Edit this incident
incident-add-finding = Add a finding
incident-history = History
incident-sources = Sources
incident-link = link
incident-source-history = history
incident-no-source = No source recorded.
incident-evidence = Evidence
incident-working-copy-of = working copy of
incident-named-by-hash = (named by its hash; no file stored)
incident-no-evidence = No evidence file yet.
incident-upload = Upload a file
incident-upload-text = The file is kept exactly as sent and its SHA-256 is computed as it arrives; at most { $limit }. Say how it was captured: a court will ask.
incident-captured-at = Captured at (UTC)
incident-captured-by = Captured by
incident-found-at = Found at (original address)
incident-method = How it was obtained
incident-method-example = download, screenshot, handed over by a witness, ...
incident-tool = Tool or device
incident-where = Where
incident-note = Note
incident-file = File
incident-upload-submit = Upload
incident-findings = Findings
incident-finding-of = of
incident-finding-by = By { $who }.
incident-finding-reviewed-by = Reviewed by { $who }.
incident-changed-since = This incident changed after the finding was confirmed ({ $confirmed }): { $versions ->
    [one] { $versions } later version
   *[other] { $versions } later versions
}, the last on { $last } by { $by }.
incident-see-changes = See what changed
incident-confirm = Confirm
incident-retract = Retract
incident-no-finding = No finding judges this incident yet.
incident-saved = Saved.

## Incident form (incident_form.html)

form-new-incident = New incident
form-edit-incident = Edit incident
form-correct = Please correct:
form-required = must not be empty
form-title = Title
form-date = Date
form-date-help = 2017-09-03 (a day), 2017-09 (a month), 2017 (a year), 2017-09-01..2017-09-14 (a range) or 2017-07.. (ongoing).
form-kind = Kind
form-place = Place
form-summary = Summary
form-themes = Rights / themes (comma-separated)
form-actors = Actors
form-actor = Actor
form-role = Role
form-sources = Sources
form-existing-sources = Existing sources
form-sources-hint = The list shows this incident's sources and the { $shown } most recent of the case's { $total }; name any other by its id below.
form-source-ids = Other sources, by id (separated by commas)
form-new-source = Or add a new source
form-source-title = Title
form-source-authors = Authors (comma-separated)
form-source-publisher = Publisher
form-source-date = Date
form-source-url = URL
form-save-incident = Save incident
form-field-form = Form
form-field-new-source-title = New source title
form-field-new-source-date = New source date

## Finding form (finding_form.html)

finding-new = New finding
finding-incidents = Incident(s)
finding-provision = Provision (citation)
finding-provision-example = e.g. ICCPR Art. 22
finding-provision-help = Type a citation; the list suggests the provisions of this case.
finding-verdict = Verdict
finding-rationale = Rationale
finding-submit = Add finding (draft)
finding-draft-note = A new finding is a draft until a reviewer confirms it; only confirmed findings trigger mechanisms.
suggestions-label = Matching provisions
suggestions-none = No provision of this case matches “{ $q }”.

## Actor (actor.html)

actor-kind = Kind
actor-aliases = Also known as
actor-country = Country
actor-members = Members
actor-incidents = Incidents
actor-count = { $total ->
    [one] { $total } incident involves this actor.
   *[other] { $total } incidents involve this actor.
}
actor-on-timeline = See them on the timeline
actor-history = History

## Evidence (evidence.html)

evidence-title = Evidence: { $file }
evidence-size = Size
evidence-bytes = { $size ->
    [one] { $size } byte
   *[other] { $size } bytes
}
evidence-type = Type
evidence-type-note = (from the content, not the name)
evidence-item-id = Item id
evidence-incident = Incident
evidence-source = Source
evidence-note = Note
evidence-history = history
evidence-download = Download the original
evidence-download-note = (each download is recorded below)
evidence-check-copy = To check a copy: { $command } must print the SHA-256 above.
evidence-capture = Capture
evidence-when = When
evidence-by = By
evidence-found-at = Found at
evidence-how = How
evidence-tool = Tool or device
evidence-where = Where
evidence-no-capture = No capture record was given.
evidence-copies = Original and working copies
evidence-copy-of = This is a working copy of the original below: { $what }. The original is kept unchanged.
evidence-original = This is an original: its bytes are kept exactly as received.
evidence-no-copy = No working copy.
evidence-add-copy = Add a working copy (a redaction, a transcript, a clip)
evidence-add-copy-text = The copy becomes an item of its own that names this one as its original; this file is not changed. At most { $limit }.
evidence-what-done = What was done
evidence-what-done-example = faces blurred; transcript of 00:00–03:10; ...
evidence-file = File
evidence-upload-copy = Upload the working copy
evidence-custody = Chain of custody
evidence-col-when = When (UTC)
evidence-col-what = What
evidence-col-who = Who
evidence-col-note = Note
evidence-check-now = Check the stored file now
evidence-check-note = (reads it again and compares its SHA-256; a match is recorded as verified)
evidence-record-heading = Record what was done with it
evidence-record-what = What
evidence-record-note = Note (to whom, where, how)
evidence-record = Record
evidence-saved = The file was received and its SHA-256 recorded.
evidence-verified = The stored bytes were read again: their SHA-256 matches. This is now in the chain of custody.
evidence-logged = Recorded in the chain of custody.
size-kb = { $size } KB
size-mb = { $size } MB
size-gb = { $size } GB
size-tb = { $size } TB

## History (history.html)

history-title = History of { $noun } { $id }
history-back = Back to the { $noun }
history-intro = Every version is kept; the newest is first. Each shows the fields that changed from the version before it.
history-version = Version { $version }
history-created = created
history-removed = removed
history-col-field = Field
history-col-before = Before
history-col-after = After
history-no-change = No field changed.
history-confirmed-against = Confirmed on { $at } against version { $version } of incident { $incident }.
history-incident-changed = The incident has changed since: it is at version { $latest } now.
noun-incident = incident
noun-source = source
noun-finding = finding
noun-actor = actor
noun-letter = letter
noun-evidence = evidence item
noun-record = record

# --- S: search over every kind of record (search.html), history of instruments, provisions and mechanisms (issue 16 §2) ---
nav-search = Search
search-title = Search
search-text = Words
search-kind = Kind of record
search-every-kind = Every kind
search-go = Search
search-nothing = Nothing found.
search-incidents = { $total ->
    [one] { $total } incident
   *[other] { $total } incidents
}
search-records = { $total ->
    [one] { $total } actor, source, instrument or provision
   *[other] { $total } actors, sources, instruments and provisions
}
search-all-incidents = All { $total } incidents found
search-more-of = All of one kind:
search-previous = ← Previous
search-next = Next →
noun-instrument = instrument
noun-provision = provision
noun-mechanism = mechanism
history-unversioned = Instruments, provisions and mechanisms come with the case and have no versions of their own: this page shows the versions of their translations, newest first.
history-no-translation = No translation has been written yet.
# The OpenAPI document's texts of /api/v1/cases/{id}/search (routes/api/search.rs), by operation id or schema
api-tag-search = Every kind of record of a case, found by any of its languages
api-op-search-case = Search a case's incidents, actors, sources, instruments, provisions and mechanisms by any of their languages.
api-search-case-param-q = Words and "quoted phrases" in any language (Latin and Khmer), all of which must match.
api-search-case-param-kind = One kind of record: `incident`, `actor`, `source`, `instrument`, `provision` or `mechanism`; without it, the first 10 hits of each part.
api-search-case-param-page = The page of one kind's hits (50 a page), from 1.
api-search-case-resp-200 = What the search found
api-schema-SearchResults = What a search found: incidents and the other records, each part when the `kind` asked for it.
api-schema-SearchResults-incidents = The incidents found (absent when `kind` names another kind).
api-schema-SearchResults-records = The actors, sources, instruments, provisions and mechanisms found (absent when `kind` is `incident`).
api-schema-SearchPart = One part of a search's results.
api-schema-SearchPart-total = How many records of the part match, over all pages; none the caller may not see.
api-schema-SearchPart-hits = The hits of the page, best first.
api-schema-SearchHit = One record found.
api-schema-SearchHit-kind = `incident`, `actor`, `source`, `instrument`, `provision` or `mechanism`.
api-schema-SearchHit-id = The record's id in its case (a provision's is its citation).
api-schema-SearchHit-href = The record's web page.
api-schema-SearchHit-title = Its title (an actor's name, a provision's citation and heading) in the request's language where the record has it, else the original.
api-schema-SearchHit-lang = The language of `title`.
api-schema-SearchHit-original = Whether `title` is the original (the requested language has no translation of it).
api-schema-SearchHit-out-of-date = Whether `title` is a translation whose original changed since it was translated.

## Date precision

precision-day = day
precision-month = month
precision-year = year
precision-range = range
precision-ongoing = ongoing

## Closed vocabularies: incident kinds

kind-arrest = arrest
kind-detention = detention
kind-closure = closure
kind-ban = ban
kind-dissolution = dissolution
kind-deregistration = deregistration
kind-legislation = legislation
kind-suspension = suspension
kind-expulsion = expulsion
kind-tax_action = tax action
kind-threat = threat
kind-statement = statement
kind-surveillance = surveillance
kind-harassment = harassment
kind-exile = exile
kind-other = other

## Actor kinds

actor-kind-state = state
actor-kind-government_body = government body
actor-kind-official = official
actor-kind-party = party
actor-kind-organisation = organisation
actor-kind-media = media
actor-kind-person = person
actor-kind-international_body = international body
actor-kind-group = group

## Roles of actors in incidents

role-perpetrator = perpetrator
role-target = target
role-victim = victim
role-witness = witness
role-other = other

## Verdicts and finding states

verdict-violation = Violation
verdict-threat_of_violation = Threat of violation
verdict-concern = Concern
status-draft = draft
status-confirmed = confirmed
status-retracted = retracted

## Roles in a case

case-role-owner = owner
case-role-editor = editor
case-role-reviewer = reviewer
case-role-viewer = viewer
case-role-none = none

## Chain of custody

custody-received = received
custody-viewed = viewed
custody-downloaded = downloaded
custody-copied = copied
custody-exported = exported
custody-handed_over = handed over
custody-verified = verified
custody-derived = derived

## Relative days (the `ago` function of the templates: a day before today, or after it)

ago-past = { $days ->
    [0] today
    [1] yesterday
   *[other] { $days } days ago
}
ago-future = { $days ->
    [1] tomorrow
   *[other] in { $days } days
}

## Follow-through: outcomes, response actions and delivery methods

outcome-acted = acted
outcome-acknowledged = acknowledged
outcome-declined = declined
outcome-no_response = no response
delivery-method-email = email
delivery-method-post = post
delivery-method-hand = by hand
delivery-method-fax = fax
delivery-method-online_form = online form
delivery-method-published = published
delivery-method-other = other

## A mechanism (mechanism.html)

mech-as-of-notice = As it stood on { $day }: the incidents that may have happened by then, the findings on them, the letters written by then and what was answered by then.
mech-since = since { $day }
mech-counts = Counts
mech-scope = Scope
mech-findings = Findings behind it
mech-no-finding = No confirmed finding falls in its scope.
mech-letters = Letters that asked for it
mech-sent = Sent { $date } ({ $ago }).
mech-no-letters = No letter of this case asks for it (a letter asks for a mechanism when it quotes the provision that creates it, or lists the incidents behind it).
ft-col-party = Party
ft-col-delivered = Delivered
ft-col-response = Response
ft-col-did = What they did
ft-col-addressee = Addressee
ft-col-outcome = Outcome
ft-must-act = (must act)
ft-not-addressed = (not addressed)
ft-must-act-not-addressed = (must act, not addressed)
ft-not-recorded = not recorded
ft-none-recorded = none recorded

## After a letter (letters/follow_through.html)

ft-the-letter = The letter
ft-heading = After the letter: { $title }
ft-as-of = As of
ft-as-of-notice = As it stood on { $day }: the deliveries and responses dated by then.
ft-not-written = On { $day } this letter had not been written yet.
ft-dated = Dated { $date }.
ft-asks-for = It asks for
ft-follows = It follows up
ft-followed-by = Followed up by
ft-parties = What each addressee did
ft-deliveries = Deliveries
ft-delivery-line = to { $to }, by { $method }
ft-none = None recorded.
ft-responses = Responses
ft-the-text = The text
ft-source = Source: { $source }
ft-deadlines = Deadlines
ft-every-addressee = every addressee
ft-late = passed without a response
ft-record = Record what happened
ft-nothing-recorded = Nothing was recorded. Please correct:
ft-a-delivery = A delivery
ft-to = To
ft-date = Date
ft-how = How
ft-note = Note
ft-record-delivery = Record the delivery
ft-a-response = A response
ft-from = From
ft-received-on = Received on
ft-summary = Summary
ft-its-text = Its text
ft-source-id = Source id
ft-record-response = Record the response
ft-a-deadline = A deadline
ft-by = By
ft-for = For
ft-every-addressee-option = Every addressee
ft-asked = What was asked for
ft-record-deadline = Record the deadline
ft-a-follow-up = This letter follows up an earlier one
ft-earlier = Earlier letter
ft-record-follow-up = Record the follow-up

## Letters awaiting a response (letters/awaiting.html)

awaiting-title = Letters awaiting a response
awaiting-about = Deadlines before { $day } with no response recorded from the addressee they bind (any addressee, for a deadline that binds them all), most overdue first.
awaiting-col-letter = Letter
awaiting-col-deadline = Deadline
awaiting-col-for = For
awaiting-col-asked = Asked for
awaiting-col-late = Days late
awaiting-none = No letter is awaiting a response past a deadline.

## A provision (provision.html)

text-status-verified = verified
text-status-unverified = unverified
text-status-translation = translation
text-status-quoted = quoted
text-status-missing = missing
pv-text-status = Text: { $status }
pv-no-text = The text of this provision is not available.
pv-no-text-source = The text of this provision is not available ({ $source }).
pv-translation = Translation ({ $lang }, { $status })
pv-confirmed = Confirmed findings
pv-confirmed-as-of = Confirmed findings as of { $day }
pv-none = None.
pv-score-caption = Confirmed implementation scores (0 not implemented, 1 minimal, 2 intermediate, 3 full), each holding until the next.
pv-col-score = Score
pv-no-observation = No confirmed observation.
pv-no-observation-as-of = No confirmed observation dated on or before { $day }.
pv-violations-caption = Confirmed findings on this provision and its sub-divisions, per year of their earliest incident.
pv-implementation-as-of = Implementation as of { $day }
pv-latest-for = for { $date }: the latest confirmed observation.
pv-latest-for-coded = for { $date }, coded by { $coder }: the latest confirmed observation.
pv-scale = On the Peace Accords Matrix scale: 0 not implemented, 1 minimal, 2 intermediate, 3 full implementation. A year's code says where things stood at its end.
pv-observations = Observations
pv-coded-by = Coded by { $coder }
pv-coded-reviewed = Coded by { $coder }; reviewed by { $reviewer }
pv-confirm = Confirm
pv-retract = Retract
pv-back-to-draft = Back to draft
pv-record = Record an observation
pv-date = Date described
pv-date-placeholder = YYYY, YYYY-MM or YYYY-MM-DD
pv-choose = Choose
pv-sources = Sources
pv-sources-placeholder = Source ids, separated by commas
pv-coded-by-label = Coded by
pv-submit = Record as a draft

## Elections (elections.html, elections_simulation.html)

el-col-election = Election
el-col-method = Method
el-col-seats = Seats
el-col-constituencies = Constituencies
el-col-parties = Parties
el-col-party = Party
el-col-votes = Votes
el-unreadable = This election file cannot be read: { $error }
el-none = This case has no elections. An election is a file in the elections/ folder of the case bundle (see the election engine's README for its format).
sim-heading = { $name }: Monte-Carlo projection
sim-about = Each run redraws every constituency's votes from a Dirichlet distribution around the recorded shares (the larger K, the less the votes move: K = 400 moves a 25 % share by about ±2 points) and allocates the seats by the election's own rules. The same seed gives the same figures.
sim-refused = The projection cannot be run as asked; nothing was run:
sim-runs = Runs
sim-noise = Noise
sim-seed = Seed
sim-run = Run
sim-seats-over = { $runs ->
    [one] Seats over { $runs } run
   *[other] Seats over { $runs } runs
}
sim-summary = Method { $method }, noise { $noise }, seed { $seed }; { $house } seats, a majority is { $majority }.
sim-lots = { $runs ->
    [one] In { $runs } run a tie for a seat was drawn by lot.
   *[other] In { $runs } runs a tie for a seat was drawn by lot.
}
sim-chart-caption = For each party: the seats 90 % of runs fell between (bar), the median (line) and the mean (dot).
sim-col-mean = Mean seats
sim-col-p5 = 5th percentile
sim-col-median = Median
sim-col-p95 = 95th percentile
sim-col-majority = Majority in
sim-col-seat = At least one seat in
sim-histogram-caption = For each party: how many runs gave it each number of seats.
sim-col-seats-runs = Seats: runs

## Importing a table (import.html)

imp-about = ACLED and Uwazi exports, PA-X agreements, or your own spreadsheet (CSV or XLSX, up to 8 MiB; bigger files with accord import). Nothing is written until you have seen the first rows, the mapping and what the import would do. Every format, column by column, is described in Accord's docs/import.md.
imp-format = Format
imp-format-table = A spreadsheet (mapped by column)
imp-format-acled = ACLED export
imp-format-uwazi = Uwazi CSV
imp-format-pax = PA-X agreements
imp-file = File
imp-preview = Preview
imp-file-rows = { $file } ({ $format }): { $rows ->
    [one] { $rows } row.
   *[other] { $rows } rows.
}
imp-imported = Imported.
imp-nothing-imported = Nothing was imported: fix the rows below and import the file again.
imp-what-was-done = What was done
imp-what-would-do = What an import would do
imp-incidents = incidents
imp-actors = actors
imp-sources = sources
imp-instruments = instruments
imp-created = created
imp-updated = updated
imp-unchanged = Left alone: { $count ->
    [one] { $count } record.
   *[other] { $count } records.
}
imp-problems = Problems
imp-problems-about = Each row with a problem is refused; one refused row and nothing is imported.
imp-col-row = row
imp-col-column = column
imp-col-value = value
imp-col-wrong = what is wrong
imp-more-problems = … and { $count } more.
imp-first-rows = The first rows
imp-mapping = Mapping (TOML: which column is which field; date_order says how 03/04/2017 is read)
imp-preview-again = Preview again with this mapping
imp-import = Import
imp-another = Import another file

## Charts (svg/, charts.rs): their titles, descriptions, keys and axes
chart-no-party = No party to show.
chart-no-seats = No seats to show.
chart-nothing-yet = Nothing to show yet.
chart-no-observation = No confirmed observation yet.
chart-list = { $parts }.
chart-vs-party = { $party }: { $votes } of the votes, { $seats } of the seats
chart-vs-desc = Share of votes and share of seats per party. { $parts }.
chart-vs-key-votes = share of votes
chart-vs-key-seats = share of seats (party colour)
chart-vs-bar-votes = votes { $share }
chart-vs-bar-seats = seats { $share }
chart-diff-desc = Seat share minus vote share per party, in percentage points (positive: more seats than votes). { $parts }.
chart-diff-axis = { $points } pts
chart-hemi-desc = Parliament diagram of { $total } seats, left to right: { $parts }. A majority is { $majority } seats.
chart-hemi-party = { $seats ->
    [one] { $party }: { $seats } seat
   *[other] { $party }: { $seats } seats
}
chart-hemi-total = { $total ->
    [one] { $total } seat
   *[other] { $total } seats
}
chart-hemi-majority = majority { $majority }
chart-range-party = { $party }: 90 % of runs between { $low } and { $high } seats, median { $median }, mean { $mean }
chart-majority-desc = { $parts }. A majority is { $majority } seats.
chart-majority-line = majority: { $majority }
chart-range-title = { $party }: 5th percentile { $p5 }, median { $median }, 95th percentile { $p95 }, mean { $mean }
chart-range-label = { $low }–{ $high } (median { $median })
chart-hist-each = { $runs ->
    [one] { $seats } seats in { $runs } run
   *[other] { $seats } seats in { $runs } runs
}
chart-lane-none = { $lane }: none
chart-score-desc = Implementation score by date: { $parts }.
chart-implementation-title = Implementation of { $citation } over time
chart-violations-title = Confirmed findings on { $citation } per year
chart-timeline-title = Mechanisms triggered, letters sent and responses received
chart-findings-title-month = Confirmed findings per month, by verdict
chart-findings-title-year = Confirmed findings per year, by verdict
chart-event-triggered = { $provision } triggered ({ $mechanism })
chart-event-letter = letter: { $title }
chart-event-response = { $who }: { $action } ({ $letter })
dash-lane-triggered = Mechanisms triggered
dash-lane-letters = Letters sent
dash-lane-responses = Responses received

## An election's page (elections_show.html and its handlers)
el-all = All elections of this case
el-seats-in = { $constituencies ->
    [one] { $seats } in { $constituencies } constituency
   *[other] { $seats } in { $constituencies } constituencies
}
el-party-votes = Party votes
el-threshold = National threshold
el-constituency-threshold = Constituency threshold
el-about-data = About this data
el-sources = Sources of the election file ({ $count })
el-votes-seats = Votes and seats
el-seats-shown = Seats shown: { $basis }.
el-basis-official = the official seats recorded in the election file
el-basis-computed = the seats computed by the election's method
el-basis-none = no seats: the method cannot allocate these votes (see the notes)
el-chart-caption = Share of votes (grey) against share of seats (party colour), largest party first. The same figures are in the table below.
el-table-caption = Votes and seats per party
el-table-caption-computed = Votes and seats per party, with the seats the election's method computes from these votes
el-col-vote-share = Vote share
el-col-seat-share = Seat share
el-col-difference = Seats − votes (points)
el-col-computed = Computed seats ({ $method })
el-hemicycle-caption = The assembly, one dot per seat, parties from the left in order of votes.
el-disproportionality = Disproportionality
el-col-index = Index
el-index-official = official seats
el-index-computed = computed seats
el-index-computed-by = computed ({ $method })
el-index-gallagher = Gallagher
el-index-gallagher-about = least-squares index, in percent: 0 is perfectly proportional
el-index-loosemore-hanby = Loosemore–Hanby
el-index-loosemore-hanby-about = half the sum of the gaps between seat and vote shares, in percent
el-index-sainte-lague = Sainte-Laguë index
el-index-sainte-lague-about = sum of squared gaps weighted by vote share
el-index-enp-votes = Effective parties (votes)
el-index-enp-votes-about = Laakso–Taagepera, by votes
el-index-enp-seats = Effective parties (seats)
el-index-enp-seats-about = Laakso–Taagepera, by seats
el-breakdown = { $units ->
    [one] Official seats per unit, as recorded ({ $units } unit)
   *[other] Official seats per unit, as recorded ({ $units } units)
}
el-col-unit = Unit
el-col-won = Won
el-no-seat = none
el-simulation-link = Monte-Carlo projection
el-simulation-about = How far the seats could move if the votes moved a little.
el-flag-cannot-allocate = The election's method ({ $method }) cannot allocate these votes: { $reason }.
el-flag-difference = { $party }: { $computed } computed, { $recorded } recorded
el-flag-difference-in = { $party } in { $place }: { $computed } computed, { $recorded } recorded
el-flag-differ = The seats the method ({ $method }) computes from these votes differ from the official ones — { $differences }{ $more ->
    [0] {""}
   *[other] {" "}and { $more } more
}. The page shows the official seats.
el-flag-tie = Tie in { $place } from seat { $seat }: { $tied } were exactly equal; settled by “{ $rule }” for { $winners }.
el-flag-below-threshold = Below the national threshold: { $parties }.
el-flag-breakdown = { $units ->
    [one] Official seats are also recorded for { $units } unit that is not one of the file's constituencies (listed below); its votes are not in the file, so nothing here is computed per unit.
   *[other] Official seats are also recorded for { $units } units that are not the file's constituencies (listed below); their votes are not in the file, so nothing here is computed per unit.
}
el-scenario = Dissolution scenario
el-scenario-refused = The scenario cannot be computed as asked:
el-field-error = { $field }: { $message }
el-field-party = Party dissolved
el-field-rule = Rules to compare
el-field-scope = Minor parties counted
el-field-basis = Seats before
el-field-declined = Parties that decline their award (minor-parties rule)
el-rule-recorded = Recorded: what the authority decided, as the election file records it
el-rule-minor-parties = Minor parties: the seats go only to parties that won none, by highest average; declined seats pass to seated parties
el-rule-rerun = Rerun: the election's method applied again as if the party had not stood
el-rule-short-recorded = recorded
el-rule-short-minor-parties = minor parties
el-rule-short-rerun = rerun
el-scope-national = national: parties without a seat anywhere
el-scope-constituency = per constituency: parties without a seat there
el-scope-short-national = national
el-scope-short-constituency = per constituency
el-basis-choice-default = default: the official seats when the file records them all
el-basis-choice-recorded = the official seats
el-basis-choice-computed = the seats the election's method computes
el-compute = Compute
el-scenario-from-data = Shown by default: the dissolution of { $party } that the election file records, as recorded and as the minor-parties rule computes it (with the parties that declined, as recorded). Change the form to try another.
el-scenario-of = Dissolution of { $party }.
el-seats-before = Seats before: { $seats }
el-before-basis-recorded = the official seats
el-before-basis-computed = computed by the election's method
el-before = before
el-after = after: { $rule }
el-chart-votes-seats = { $name }: share of votes and share of seats
el-chart-seats = { $name }: seats
el-chart-before = Before: seats with { $party }
el-chart-differences = Seat share minus vote share, before and after
el-rule-failed = This rule cannot be computed here: { $reason }
el-seats-after = Seats after: { $seats }.
el-title-minor = Minor parties ({ $scope }, D'Hondt)
el-title-minor-declined = Minor parties ({ $scope }, D'Hondt; declined: { $declined })
el-title-recorded = Recorded (what the authority decided)
el-title-rerun = Rerun without { $party }
el-step-award = award to parties without a seat
el-step-award-constituency = award to parties without a seat in the constituency
el-step-declined = seats declined
el-step-passed-on = declined seats to seated parties
el-step-recorded-award = recorded award
el-step-recorded-declined = recorded as declined
el-step-recorded-passed-on = declined seats, as recorded
el-note-no-seat = { $party } holds no seat before the dissolution: nothing to redistribute
el-note-rerun-recorded = the seats before are the recorded ones; the seats after are computed by the election's method without the party
el-note-tie = tie in { $place } from seat { $seat } between { $tied }, settled by “{ $rule }” for { $winners }
el-recorded = Recorded
el-recorded-on = Recorded on { $date }
el-recorded-sources = { $recorded } (sources { $sources })
el-recorded-note = { $recorded }: { $note }
el-scenario-table-caption = Seats before and after, and seat share minus vote share (percentage points)
el-col-seats-before = Seats before
el-col-difference-before = Seats − votes before
el-col-difference-after = Seats − votes after: { $rule }
el-differences-caption = Seat share minus vote share per party, before and after each rule: right of zero, more seats than votes.
el-no-dissolution = The election file records no dissolution. Choose a party and one or more rules above to see what a dissolution would do.
el-err-party-missing = choose the party to dissolve
el-err-party-unknown = “{ $party }” does not stand in this election (parties: { $parties })
el-err-rule-unknown = unknown rule “{ $rule }” (rules: recorded, minor-parties, rerun)
el-err-rule-missing = choose at least one rule
el-err-rule-not-recorded = the election file records no dissolution of “{ $party }”; choose another rule
el-err-scope-unknown = unknown scope “{ $scope }” (national or constituency)
el-err-basis-not-recorded = the election file does not record official seats for every constituency
el-err-basis-unknown = unknown basis “{ $basis }” (recorded or computed)
el-err-declined-unknown = “{ $party }” does not stand in this election
el-err-declined-dissolved = “{ $party }” is the dissolved party; it cannot also decline
sim-err-runs-zero = at least 1 run
sim-err-runs-max = at most { $max } runs on this page (the command line takes more: accord elections simulate)
sim-err-runs-house = at most { $max } runs for a house of { $house } seats on this page (the command line takes more: accord elections simulate)
sim-err-runs-number = “{ $value }” is not a whole number of runs
sim-err-noise = expected dirichlet:K with K a number above 0 and at most { $max }, got “{ $value }”
sim-err-seed = “{ $value }” is not a seed (a whole number from 0 to { $max })
sim-histogram-title = { $runs ->
    [one] How many runs gave each party each number of seats ({ $runs } run)
   *[other] How many runs gave each party each number of seats ({ $runs } runs)
}

## A refused field's explanation (refusals.rs): the kinds the core gives, and the fields' names
refusal-field = { $field }: { $reason }
refusal-empty = this field must not be empty
refusal-finding-incident = a finding needs at least one incident
refusal-no-provision = this case has no provision { $id }
refusal-no-actor = this case has no actor “{ $id }”
refusal-no-incident = this case has no incident “{ $id }”
refusal-no-source = this case has no source “{ $id }”
refusal-no-instrument = this case has no instrument “{ $id }”
refusal-date = “{ $value }” is not a date: write 2017-09-03, 2017-09, 2017, a range A..B or A..
refusal-date-month = “{ $value }” is not a date: there is no month { $month }
refusal-date-days = “{ $value }” is not a date: { $month } has { $days } days
refusal-date-range = “{ $value }” is not a date range: it ends before it starts
refusal-day = “{ $value }” is not a day: write it as 2017-09-03
refusal-url = “{ $value }” is not a web address: it starts with https:// or http://
refusal-id = “{ $value }” is not an id: 1 to 100 letters, digits, dots, underscores or hyphens, starting with a letter or a digit
field-title = Title
field-date = Date
field-kind = Kind
field-place = Place
field-summary = Summary
field-actor = Actor
field-actors = Actors
field-source = Source
field-sources = Sources
field-verdict = Verdict
field-rationale = Rationale
field-provision = Provision
field-incident = Incident
field-incidents = Incidents
field-note = Note
field-score = Score
field-email = E-mail address
field-password = Password
field-name = Name
field-role = Role
field-as_of = Date of the status
field-id = Id
field-url = Web address
field-status = Status

## The command line's human output (crates/cli: words.rs; accord case list and case status)
cli-no-cases = no cases in { $db } (import one with `accord import DIR`)
cli-col-case = CASE
cli-col-incidents = INCIDENTS
cli-col-findings = FINDINGS
cli-col-title = TITLE
cli-as-of = as of { $day }
cli-mechanisms = MECHANISMS
cli-triggered = TRIGGERED since { $since } ({ $precision }: { $incident }) by { $count ->
    [one] { $count } confirmed finding
   *[other] { $count } confirmed findings
}
cli-not-triggered = not triggered
cli-requested-by = requested by
cli-must-act = must act
cli-consult = consult
cli-last-asked = last asked
cli-never-asked = never (no letter of the case quotes its provision or lists its incidents)
cli-latest-response = latest response { $date } ({ $days ->
    [one] { $days } day ago
   *[other] { $days } days ago
}) from { $who }: { $action }
cli-no-response = no response recorded
cli-asked = { $date } ({ $days ->
    [one] { $days } day ago
   *[other] { $days } days ago
}) in { $letter }; { $answer }
cli-provisions = PROVISIONS
cli-col-provision = PROVISION
cli-col-status = STATUS
cli-col-implementation = IMPLEMENTATION

## Letters in several languages (issue 16 §3; owned by the letters work)
letters-languages = In other languages:
letters-original = original
letters-out-of-date = out of date
letters-out-of-date-notice = This translation is out of date: the original has changed since it was translated. Signatures bind the text in each language separately.
letters-versions = Languages
versions-col-kind = Version
versions-col-translated = Translated by, on
versions-col-state = State
versions-translation = translation
versions-current = up to date
versions-add = Add or edit the language (tag such as km or fr):
versions-open = Open
versions-new = New version in { $lang }
versions-edit = The version in { $lang }
versions-original-text = The original, to translate from
versions-signed-col = Signed in
sign-languages = This letter is written in several languages; you sign the text shown, in that language only (a signature counts for the language it is given to). Read and sign it in:

## Content in several languages: records' translations and the translators' page (issue 16 §2)

nav-translations = Translations
translation-original = original ({ $lang })
translation-out-of-date = translation out of date
translation-add = Translate this record
translation-form-help = Written in “{ $lang }”. Fill in the fields you translate; those left empty keep the translation they have.
translation-existing = Already translated into:
translation-language = Language
translation-other-language = Or another language (its language tag)
translation-save = Save the translation
translation-saved = Translation saved.
translation-field-title = Title
translation-field-summary = Summary
translation-field-place = Place
translation-field-name = Name
translation-field-heading = Heading
translation-field-text = Text
translation-field-notes = Notes
translation-field-note = Note
translation-field-action = Action
translation-kind-case = Case
translation-kind-instrument = Instrument
translation-kind-provision = Provision
translation-kind-actor = Actor
translation-kind-source = Source
translation-kind-incident = Incident
translation-kind-mechanism = Mechanism
translation-state-missing = not translated
translation-state-out_of_date = out of date
translators-title = Translations
translators-intro = The records of this case are written in “{ $lang }”. For each language: the texts not yet translated, and the translations whose original has changed since.
translators-missing = { $count ->
    [one] { $count } text not yet translated.
   *[other] { $count } texts not yet translated.
}
translators-out-of-date = { $count ->
    [one] { $count } translation out of date.
   *[other] { $count } translations out of date.
}
translators-record = Record
translators-field = Field
translators-state = State
translators-more = … and { $count } more.
translators-done = Everything is translated.

## The OpenAPI document's descriptions (routes/api.rs: /api/openapi.json in the request's language; a description without a message here stays English)
api-info = Cases, incidents, findings, provisions and trigger status of Accord, as JSON. Send `Authorization: Bearer <token>` (create a token on your account page or with `accord user token EMAIL NAME`). Without a token only published cases are visible, read-only. A private case you may not see answers 404, exactly like a missing one.
api-tag-cases = Cases and their trigger status
api-tag-provisions = The provisions of a case's instruments
api-tag-incidents = What happened, with dates, actors and sources
api-tag-findings = Incidents judged against provisions, and their review
api-tag-observations = How far provisions have been implemented, dated, on the Peace Accords Matrix scale (0-3), and their review
api-tag-letters = What happened after a letter: deliveries, responses, deadlines, follow-ups, and the letters awaiting a response
api-tag-sources = Where statements and facts come from
api-tag-actors = The states, bodies, officials and organisations a case names
api-tag-evidence = Files, hashed as they arrive, with their capture record and chain of custody
api-tag-history = Every version of a record, oldest first
api-bearer = A personal API token (`accord user token EMAIL NAME`, or the account page)
api-error-error = What went wrong, for people, in English (as it always was). A 404 never says whether the case exists.
api-error-code = What went wrong, for programs: a stable English code (`bad_request`, `unauthorized`, `forbidden`, `not_found`, `conflict`, `too_large`, `invalid`, `too_many_requests`, `unavailable`, `internal`).
api-error-message = What went wrong, in the language the request asked for (`Accept-Language`: `en`, `fr` or `km`; else the instance's default). A refused field is named by its label and its reason said in that language when Accord knows the kind of refusal; otherwise it is given in English under a translated introduction.
api-error-status = The HTTP status, repeated.
api-error-field = The request field the error is about (validation errors, status 422), as a path into the JSON body (`title`, `actors[0].role`) or the query parameter's name.
api-case-id = Case id
api-incident-id = Incident id
api-finding-id = Finding id
api-source-id = Source id
api-letter-id = Letter id
api-observation-id = Observation id
api-evidence-id = Evidence item id
api-token-invalid = The token is not valid
api-no-token = No token, or the token is not valid
api-no-case = No such case, or the caller may not see it
api-no-case-incident = No such case or incident, or the caller may not see the case
api-no-case-finding = No such case or finding, or the caller may not see the case
api-no-case-item = No such case or item, or the caller may not see the case
api-no-case-source = No such case or source, or the caller may not see the case
api-no-case-letter = No such case or letter, or the caller may not see the case
api-not-json = The body is not JSON
api-may-not-edit = The caller's role may not edit the case
api-as-of-not-day = `as_of` is not a day (`field`: `as_of`)
api-filter-invalid = A filter is not valid; `field` names it
api-versions = The versions, oldest first
api-visible-cases = The visible cases, ordered by id
api-recorded-draft = Recorded as a draft; `Location` is its URL

## An election's page: the engine's reasons a rule cannot be computed
el-engine-no-minor = { $seats ->
    [one] no party without a seat has votes to receive the { $seats } freed seat
   *[other] no party without a seat has votes to receive the { $seats } freed seats
}
el-engine-no-minor-in = { $seats ->
    [one] constituency { $place }: no party without a seat there has votes to receive the { $seats } freed seat
   *[other] constituency { $place }: no party without a seat there has votes to receive the { $seats } freed seats
}

# --- E: the election engine's notes, steps, tie rules and refusals (crates/server/src/election_words.rs) ---
el-tie-rule-most-votes = most votes
el-tie-rule-lot = lot
el-step-at = { $place }: { $step }
el-step-seats = { $step }: { $seats }
el-engine-tie = { $left ->
    [one] constituency { $place }: seat { $seat } of { $seats }: { $parties } have exactly equal claims to { $left } seat; set “ties” to “most-votes” or “lot” (with a “seed”) to settle it
   *[other] constituency { $place }: seats { $seat } to { $last } of { $seats }: { $parties } have exactly equal claims to { $left } seats; set “ties” to “most-votes” or “lot” (with a “seed”) to settle it
}
el-engine-no-candidates = { $seats ->
    [one] constituency { $place }: { $left } of { $seats } seat cannot be filled: no party with votes passes the thresholds
   *[other] constituency { $place }: { $left } of { $seats } seats cannot be filled: no party with votes passes the thresholds
}
el-engine-unapportioned = { $left } of { $seats } seats cannot be apportioned: no unit with population is left
el-engine-not-standing = “{ $party }” does not stand in “{ $election }”
el-engine-not-divisor = the minor-parties rule needs a highest-average (divisor) method, not { $method }
el-engine-no-one-to-pass = { $seats ->
    [one] { $place }: { $seats } declined seat but no other seated party to pass it to
   *[other] { $place }: { $seats } declined seats but no other seated party to pass them to
}
el-engine-not-recorded = the election file records no dissolution of “{ $party }”
el-engine-recorded-mismatch = the record gives out { $awarded } seats, but “{ $party }” holds { $held } in the seats the scenario starts from
el-engine-no-runs = the number of runs must be at least 1
el-engine-concentration = the Dirichlet concentration must be a positive finite number, got { $value }
el-engine-concentration-shape = the Dirichlet concentration { $value } gives a party a Gamma shape of { $shape }, which cannot be drawn from
el-engine-no-votes = constituency { $place }: no votes to draw shares from
el-engine-too-large = { $parties } parties × { $seats } seats is too large to tally (at most { $most })
el-engine-run = { $left ->
    [one] run { $run }, constituency { $place }: { $left } seat cannot be filled: no party with votes passes the thresholds
   *[other] run { $run }, constituency { $place }: { $left } seats cannot be filled: no party with votes passes the thresholds
}
el-input-json-syntax = line { $line }, column { $column }: this is not valid JSON
el-input-json-eof = line { $line }, column { $column }: the file ends before its JSON does
el-input-json-unknown = line { $line }, column { $column }: the file format has no field “{ $field }”
el-input-json-missing = line { $line }, column { $column }: the field “{ $field }” is missing
el-input-json-shape = line { $line }, column { $column }: a value is not of the kind its field takes
el-input-field = { $field }: { $problem }
el-input-constituency = constituency “{ $place }”, { $field }: { $problem }
el-input-csv = { $file }, line { $line }, { $field }: { $problem }
el-input-file-votes = votes file
el-input-file-seats = seats file
el-input-key-entry = { $path } for “{ $entry }”
el-problem-whole-number = must be a whole number, 0 or more, got { $got }
el-problem-positive = must be a whole number, 1 or more, got { $got }
el-problem-got-text = the text “{ $text }”
el-problem-fraction = must be a number from 0 to less than 1, got { $got }
el-problem-first-divisor = must be a number above 0 and at most 3, got { $got }
el-problem-method-missing = missing: give it in the file or on the command line
el-problem-unknown-method = unknown method “{ $name }”; known: { $known }
el-problem-first-divisor-method = only applies to modified-sainte-lague, not { $method }
el-problem-threshold-rule = must be “any” or “all”, got “{ $got }”
el-problem-tie-rule = must be “error”, “most-votes” or “lot”, got “{ $got }”
el-problem-lot-seed = ties = “lot” needs a seed, so that the draw can be repeated
el-problem-seed-without-lot = only used with ties = “lot”, not “{ $ties }”
el-problem-none-listed = { $kind ->
    [constituency] must list at least one constituency
   *[unit] must list at least one unit
}
el-problem-empty-name = { $kind ->
    [party] a party's name must not be empty
    [constituency] a constituency's name must not be empty
   *[unit] a unit's name must not be empty
}
el-problem-listed-again = { $kind ->
    [constituency] this constituency is listed more than once
   *[unit] this unit is listed more than once
}
el-problem-repeated = { $kind ->
    [party] party “{ $name }” is listed more than once
    [constituency] constituency “{ $name }” is listed more than once
   *[unit] unit “{ $name }” is listed more than once
}
el-problem-repeated-in = party “{ $party }” is listed twice in constituency “{ $place }”
el-problem-too-many-seats = must be at most { $max }, got { $got }
el-problem-no-party = no party listed
el-problem-votes-overflow = the votes add up to more than 2⁶⁴ − 1
el-problem-no-votes-entry = party “{ $party }” has no votes entry here
el-problem-seats-sum = { $kind ->
    [constituency] add up to { $sum }, but the constituency has { $seats } seats
   *[unit] add up to { $sum }, but the unit has { $seats } seats
}
el-problem-not-standing = party “{ $party }” does not stand in this election
el-problem-this-not-standing = this party does not stand in this election
el-problem-nothing-to-decline = party “{ $party }” was awarded nothing to decline
el-problem-passed-on-sum = passes on { $passed } seats, but { $declined } were declined
el-problem-minimum = { $min } seats for each of { $units } units needs { $needed } seats, more than the { $seats } to apportion
el-problem-csv-fields = this row has { $got } fields, but the header has { $expected }
el-problem-csv-utf8 = the file is not UTF-8 text
el-problem-csv-syntax = the CSV cannot be read ({ $detail })
el-problem-missing-column = missing column (the header has: { $header })
el-problem-not-in-seats-file = constituency “{ $place }” is not in the seats file
el-problem-no-votes-rows = constituency “{ $place }” has no rows in the votes file

## A signatory's sign-on link on the signatories page (letters/signatories.html)
signon-link-open = link open until { $day }, { $time } UTC
signon-link-open-forever = link open
signon-link-expired = link expired on { $day }, { $time } UTC
signon-link-used = link used ({ $outcome }) on { $day }, { $time } UTC
signon-use-signed = signed
signon-use-declined = declined
signon-use-withdrawn = withdrawn
signon-use-replaced = replaced by a newer link

## A refused field's explanation: the handlers' own sentences, and a busy server
refusal-true-false = must be true or false
refusal-review-status = choose confirmed, retracted or draft
refusal-page = must be a page number
refusal-lang = choose en, fr or km
error-busy = The server is busy. Try again in a moment.

## The command line: accord case grant and case publish
cli-granted = { $case }: { $email } is { $role }
cli-revoked = { $case }: { $email } is no longer a member
cli-published = { $case } is published (read-only)
cli-private = { $case } is private

## The command line: accord verify's summary
cli-verify-intact = intact: { $what }: { $entries ->
    [one] { $entries } log entry
   *[other] { $entries } log entries
} and { $evidence ->
    [one] { $evidence } evidence file
   *[other] { $evidence } evidence files
} verified
cli-verify-broken = error: { $what } is NOT intact: { $problems ->
    [one] { $problems } problem
   *[other] { $problems } problems
} ({ $entries ->
    [one] { $entries } log entry
   *[other] { $entries } log entries
} and { $evidence ->
    [one] { $evidence } evidence file
   *[other] { $evidence } evidence files
} checked)

## L5 (issue 16 §2): sources' and instruments' pages, removing a translation, a record's or the
## case's original language, translations on history pages
source-authors = Authors
source-publisher = Publisher
source-date = Date
source-url = Address
source-accessed = Accessed
translation-remove = Remove the translation into { $lang }
translation-original-language = Written in
translation-original-save = Save the original language
translators-case-language = The case's records are written in
history-translations = Translations
history-original-language = Original language: { $lang }
history-translation-added = translation added
history-translation-changed = translation changed
history-translation-removed = translation removed
history-translated-by = translated by { $who }
cli-translation-removed = Removed the translation of { $kind } { $id } into { $lang }.
cli-translation-original = { $kind } { $id } is written in { $lang }.

## Letters in several languages (L6): a version's addressees and CC, removing a version
versions-addressees-help = The original's addressees in this language, one per line in the same order: name | title | organisation | role. Left as the original's, they print as the original's.
versions-cc-help = The original's CC lines in this language, one per line in the same order.
versions-remove = Remove this version
versions-remove-help = Not once an organisation has signed it (unless it withdrew). The letter's history keeps the removed text.
cli-letter-version-removed = { $letter }: the { $lang } version removed; the letter is now in { $languages }

## The command line (L4): every command's human output; `n` selects the plural, `shown` and
## the other counts are written in the language's digits without grouping.
## accord backup / restore
cli-backed-up = Backed up { $db } to { $out }: the database ({ $db_bytes } bytes), { $files ->
    [one] { $shown_files } evidence file
   *[other] { $shown_files } evidence files
} ({ $bytes } bytes){ $log_key ->
    [yes] {" "}and the log's signing key
   *[no] {""}
}.
cli-backup-sealed = It is sealed with the instance's data key: it opens with the instance key file or the recovery shares, and with nothing else. Keep it where the database is not.
cli-backup-clear = Keep it where the database is not: this instance has no keys (`accord keys init`), so the backup holds everything in the clear.
cli-restored = Restored { $backup } (taken { $taken }) into { $db }: { $files ->
    [one] { $shown_files } evidence file
   *[other] { $shown_files } evidence files
}{ $log_key ->
    [yes] , the log's signing key
   *[no] {""}
}.
cli-restore-verified = accord verify: everything checks out.
cli-restore-problems = accord verify found { $shown } problem(s):
## accord copy
cli-copy-evidence-progress = evidence: { $done } of { $of }
cli-copy-table-progress = { $table }: { $shown } rows
cli-copied = Copied { $from } to { $to }: { $rows } rows in { $tables } tables, { $files ->
    [one] { $shown_files } evidence file
   *[other] { $shown_files } evidence files
} ({ $bytes } bytes; { $present } already there).
cli-copied-key-file = Key file copied beside the target: { $file }
cli-copy-point-servers = Point the target's servers at the same files: log_key = { $log_key }, key_file = { $key_file } (if the instance has keys){ $store }.
cli-copy-check = Check it: accord --db { $to } verify; accord --db { $to } log checkpoint shows the same tree size and root as the source.
## accord import DIR
cli-import-reading = reading and hashing files
cli-import-checking = checking the bundle
cli-import-writing = writing to the database
cli-import-refused = error: { $file } refused: { $n ->
    [one] { $shown } problem
   *[other] { $shown } problems
}; nothing was imported
cli-import-imported = imported case { $case }: { $records } records and { $blobs } evidence files from { $files } files in { $secs } s into { $db }
cli-import-replaced = replaced case { $case }: { $records } records and { $blobs } evidence files from { $files } files in { $secs } s into { $db }
cli-import-exists = case { $case } already exists (use --replace to replace it); nothing was imported
## accord import FILE --format ...
cli-table-needs-mapping = a spreadsheet needs a mapping (--mapping FILE) saying which column is which field; this one is guessed from { $file }'s header, check it and save it:
cli-table-problem = { $file }: row { $row }, column { $column }: { $message } (value { $value })
cli-table-eta = about {"{"}eta{"}"} left
cli-table-incidents = { $n ->
    [one] { $shown } incident
   *[other] { $shown } incidents
}
cli-table-actors = { $n ->
    [one] { $shown } actor
   *[other] { $shown } actors
}
cli-table-sources = { $n ->
    [one] { $shown } source
   *[other] { $shown } sources
}
cli-table-instruments = { $n ->
    [one] { $shown } instrument
   *[other] { $shown } instruments
}
cli-table-nothing = nothing
cli-table-rate = , { $rate } rows/s
cli-table-what = created { $created }; updated { $updated }; unchanged { $unchanged }
cli-table-refused = error: { $file } refused: { $n ->
    [one] { $shown } problem
   *[other] { $shown } problems
} in { $bad ->
    [one] { $shown_bad } row
   *[other] { $shown_bad } rows
} of { $rows }; nothing was imported (fix them, or pass --skip-bad OUT to import the good rows and set the bad ones aside)
cli-table-set-aside = ; { $bad } bad rows set aside in { $out }
cli-table-dry-run = dry run of { $file } into case { $case }: would have { $what }{ $skipped } ({ $rows } rows in { $secs } s); nothing was written
cli-table-imported = imported { $file } into case { $case }: { $what }{ $skipped } ({ $rows } rows in { $secs } s{ $rate })
## accord export
cli-export-public = readers outside the case
cli-export-member = the member { $email }
cli-export-omitted = for { $who }: { $n } record(s) left out, listed by id in OMITTED.md
cli-exported = exported case { $case } to { $path } ({ $files } files, { $evidence } of them evidence)
cli-exported-table = exported case { $case }: { $incidents } incidents, { $findings } findings, { $sources } sources to { $files }
## accord translation
cli-translation-none-pending = Everything in { $case } is translated into { $lang }.
cli-translated = Translated { $kind } { $id } into { $lang }.
## accord user
cli-user-created = created account { $email } ({ $id })
cli-user-created-admin = created administrator account { $email } ({ $id })
cli-user-disabled = disabled { $email }: it cannot sign in, its sessions ended, its tokens are refused
cli-user-enabled = enabled { $email }
cli-user-deleted = deleted { $email } with its sessions, tokens and case roles
cli-user-password = new password for { $email }; { $ended } session(s) ended
cli-token-none = { $email } has no API token
cli-token-never-expires = never expires
cli-token-expired = expired { $at }
cli-token-expires = expires { $at }
cli-token-read-only = read-only
cli-token-read-write = read-write
cli-token-created = created { $at }
cli-token-never-used = never used
cli-token-last-used = last used { $at }
cli-token-revoked = revoked { $email }'s token { $name }
## accord log, accord serve
cli-log-cosigned = co-signed as { $key } (publish this verifier key so that others can check the co-signature)
cli-serving = Accord is serving { $db } on http://{ $addr }/
cli-serving-demo = The reference case is published read-only at http://{ $addr }/cases/cambodia-2017 ; to edit, create an account: accord --db { $db } user add EMAIL --admin --password-stdin
cli-demo-loaded = loaded the reference case { $case } (published read-only)
## accord evidence
cli-custody-recorded = recorded { $action } of { $id } by { $by }
cli-evidence-checked = { $id }: the stored bytes match the record (sha256 { $sha256 }, { $bytes } bytes); recorded as verified
cli-evidence-added = added evidence { $id } to case { $case }: sha256 { $sha256 }, { $bytes } bytes, { $media_type }
cli-evidence-wrote = wrote { $file } ({ $bytes } bytes, sha256 { $sha256 })
cli-evidence-none = no evidence files
cli-evidence-none-for = no evidence files for incident { $incident }
cli-col-id = ID
cli-col-bytes = BYTES
cli-col-media-type = MEDIA TYPE
cli-col-incident = INCIDENT
cli-col-file = FILE
cli-ev-file = file
cli-ev-sha256 = sha256
cli-ev-size = size
cli-ev-bytes = { $bytes } bytes
cli-ev-media-type = media type
cli-ev-incident = incident
cli-ev-source = source
cli-ev-note = note
cli-ev-derived-from = derived from
cli-ev-captured-at = captured at
cli-ev-captured-by = captured by
cli-ev-source-url = source url
cli-ev-method = method
cli-ev-tool = tool
cli-ev-place = place
cli-ev-capture = capture
cli-ev-no-capture = (no capture record)
cli-ev-custody = custody
cli-ev-by = by { $by }
cli-evidence-package = wrote the evidence package { $file }: { $files } files, { $entries } log entries; check it with `accord verify --package { $file }` (its README.md says how to check it without Accord)
## accord follow-through (deliver, respond, deadline, follow-up, list, awaiting)
cli-ft-recorded = recorded { $id } ({ $kind }) for letter { $letter } in { $case }
cli-ft-kind-delivery = delivery
cli-ft-kind-response = response
cli-ft-kind-deadline = deadline
cli-ft-kind-follow_up = follow_up
cli-ft-none = no deliveries, responses, deadlines or follow-ups recorded in { $case }
cli-ft-none-late = no letter of { $case } is awaiting a response past its deadline (on { $today })
cli-ft-every-addressee = every addressee
cli-ft-late = { $letter }: deadline { $date } ({ $shown_days } days ago) for { $who }: { $asked }
cli-ft-delivery = { $letter }  { $date }  delivered to { $to } ({ $method })  [{ $id }]
cli-ft-response = { $letter }  { $date }  response from { $from }: { $action } — { $summary }  [{ $id }]
cli-ft-deadline = { $letter }  { $date }  deadline for { $who }: { $asked }  [{ $id }]
cli-ft-follow-up = { $letter }  follows up { $cites }  [{ $id }]
## accord observation
cli-obs-recorded = recorded { $id } in { $case } as a draft: { $provision } { $date } scored { $score } ({ $label })
cli-obs-reviewed = { $case }: { $id } is { $status }
cli-obs-none = no observations in { $case }
cli-col-date = DATE
cli-col-score = SCORE
cli-col-coded-by = CODED BY
cli-obs-row-column-problem = { $file }: row { $row }, column { $column }: { $message }
cli-obs-row-problem = { $file }: row { $row }: { $message }
cli-obs-dry-row = row { $row }: { $id } { $provision } { $date } scored { $score } ({ $label })
cli-obs-dry-run = { $file }: { $n ->
    [one] { $shown } row
   *[other] { $shown } rows
} checked; nothing was written (--dry-run)
cli-obs-imported = recorded { $n ->
    [one] { $shown } observation
   *[other] { $shown } observations
} in { $case } as drafts (review them with `accord observation review`)
## accord letter
cli-letter-none = case { $case } has no letters
cli-col-letter = LETTER
cli-col-lang = LANG
cli-col-signatories = SIGNATORIES
cli-letter-error = error: { $error }
cli-letter-version-created = { $letter }: { $lang } version created; its signed text's SHA-256 is { $sha256 }
cli-letter-version-updated = { $letter }: { $lang } version updated; its signed text's SHA-256 is { $sha256 }
cli-letter-wrote = wrote letter { $letter } as { $format } to { $path } ({ $bytes } bytes): { $printed } signatories printed, { $pending } not printed (not verified, declined, withdrawn or signed an earlier version); signed text SHA-256 { $sha256 }
## accord keys
cli-keys-made = Keys made for { $db }. The instance key is { $file } (readable by its owner only): Accord reads it whenever it opens evidence. Keep it off the disk that holds the database and the evidence.
cli-keys-recovery-key = The recovery key, shown this once and stored nowhere; it rebuilds the instance key if the file is lost (`accord keys recover --share KEY`):
cli-keys-recovery-shares = The recovery shares, shown this once and stored nowhere: any { $threshold } of these { $shares } rebuild the instance key if the file is lost (`accord keys recover --share S --share S …`). Give each to a different person.
cli-keys-sealed-before = Sealed the text of { $records } restricted record row(s) and version(s) stored before.
cli-keys-encrypted-before = Encrypted { $files } evidence file(s) stored before ({ $bytes } bytes). Their plaintext files were deleted; deleted bytes can stay on a disk until they are overwritten.
cli-keys-same-disk = warning: the key file { $file } is on the same disk as the database: whoever takes the disk takes the key with it. Move it (to removable media, or a disk that is not backed up with the data) and set key_file, --key-file or ACCORD_KEY_FILE.
cli-keys-not-encrypted = error: evidence file { $sha256 } was not encrypted: { $why }
cli-keys-made-partly = The keys are made; run `accord keys encrypt-existing` to encrypt what is left.
cli-keys-recovered-shares = The instance key is rebuilt in { $file }: the data keys are wrapped to it, and the evidence opens again. The recovery shares stay valid.
cli-keys-recovered-key = The instance key is rebuilt in { $file }: the data keys are wrapped to it, and the evidence opens again. The recovery key stays valid.
cli-keys-rotated = { $file } holds a new instance key: the data keys are wrapped to it and the old key no longer opens them. No evidence file was rewritten, and a running `accord serve` goes on working. A copy of the old key together with a copy of the database made before now still opens them: rotation protects what is copied from now on.
cli-keys-none = { $db }: no keys; evidence is stored unencrypted (`accord keys init` makes the keys)
cli-keys-status-made = { $db }: keys made { $at }
cli-keys-status-replaced = , instance key last replaced { $at }
cli-keys-file-opens = key file: { $file } opens the keys
cli-keys-file-wrong = key file: { $file } is NOT this instance's key
cli-keys-file-missing = key file: { $file } is MISSING (`accord keys recover` rebuilds it)
cli-keys-file-unreadable = key file: { $file } cannot be read
cli-keys-status-shares = recovery: any { $threshold } of { $shares } shares
cli-keys-status-key = recovery: the recovery key, shown whole when the keys were made
cli-keys-status-data-keys = data keys: { $n }
cli-keys-status-evidence = evidence files: { $encrypted } encrypted, { $unencrypted } unencrypted
cli-keys-sealed = Sealed { $records } restricted record row(s) and version(s). Encrypted { $files } evidence file(s) ({ $bytes } bytes); { $left } left unencrypted.
## accord elections
cli-el-allocation = { $name } - { $method }, { $seats } seats in { $constituencies } constituencies
cli-el-party = party
cli-el-votes = votes
cli-el-votes-pct = votes %
cli-el-seats = seats
cli-el-seats-pct = seats %
cli-el-seats-votes = seats-votes
cli-el-indices = Gallagher { $gallagher }  Loosemore-Hanby { $lh }  Sainte-Lague { $sl }  ENP votes { $enp_votes }  ENP seats { $enp_seats }
cli-el-below-national = Below the national threshold: { $parties }
cli-el-constituencies = Constituencies:
cli-el-below-threshold = below threshold: { $parties }
cli-el-tie = Tie in { $constituency } from seat { $seat } between { $tied } settled by { $rule }: { $winners }
cli-el-note = note: { $note }
cli-el-recorded-identical = Recorded official seats: identical in every constituency
cli-el-recorded-differ = Recorded official seats differ in { $n } place(s):
cli-el-recorded-difference = { $constituency }: { $party } computed { $computed }, recorded { $recorded }
cli-el-scenario = { $name }: { $party } dissolved, rule { $rule }{ $scope }, from { $basis } seats
cli-el-before = before
cli-el-after = after
cli-el-change = change
cli-el-seats-votes-before = seats-votes before
cli-el-none = none
cli-el-step = step: { $step }: { $seats }
cli-el-simulation = { $name } - { $method }, { $runs } runs, seed { $seed }, noise { $noise }; majority = { $majority } of { $seats } seats
cli-el-mean-seats = mean seats
cli-el-p5 = p5
cli-el-p50 = p50
cli-el-p95 = p95
cli-el-p-majority = P(majority)
cli-el-p-seat = P(seat)
cli-el-lots = { $n } run(s) had a tie for a seat, drawn by lot
cli-el-apportionment = { $name } - { $method }, { $seats } seats, at least { $min } each
cli-el-unit = unit
cli-el-population = population
# --- E: the election commands' words around the engine's results and refusals (crates/cli/src/elections.rs) ---
cli-el-basis-recorded = recorded
cli-el-basis-computed = computed
cli-el-reading = reading { $file }
cli-el-reading-csv = reading { $file } with { $seats }
cli-el-because = { $doing }: { $why }
cli-el-allocating = allocating { $file }
cli-el-dissolving = dissolving { $party } in { $file }
cli-el-simulating = simulating { $file }
cli-el-apportioning = apportioning { $file }
cli-el-only-minor-parties = --declined and --highest-average only apply to --rule minor-parties
cli-el-unknown-average = --highest-average: unknown method { $name }
cli-el-noise = --noise: expected dirichlet:K with K a positive number, got { $noise }
cli-el-csv-needs-seats = { $file } is a CSV votes file: give its seats file with --seats SEATS.csv
cli-el-csv-needs-method = a CSV election needs --method
## errors the binary prints
cli-no-case = no case { $case } in { $db }
cli-error = error: { $error }
# --- C: the command line's errors (failure.rs), its help and usage errors (help.rs), translation pending ---
# An error's chain said link by link; a command's description is cli-help-<path>, an argument's
# help cli-arg-<path>--<id> where a command gives it its own meaning, else cli-arg-<id>.
cli-err-cannot-read = cannot read { $path }
cli-err-cannot-write = cannot write { $path }
cli-err-cannot-create = cannot create { $path }
cli-err-file = { $path }: { $error }
cli-err-not-found = no { $what } { $id }
cli-err-exists = { $what } { $id } already exists
cli-err-case-exists = case { $case } already exists (use --replace to replace it)
cli-err-no-database = database { $path } does not exist (pass --create or run `accord import` to create it)
cli-err-unusable-database = cannot use the database { $url } (set by --db or ACCORD_DB): { $reason }
cli-err-unsupported-database = unsupported database address { $url }: { $reason }
cli-err-database = database error: { $error }
cli-err-blob = evidence store: { $error }
cli-err-no-blob = no evidence file with SHA-256 { $sha256 } in the evidence store
cli-err-log = log: { $error }
cli-err-search = search index: { $error }
cli-err-no-key-file = the key file { $path } does not exist
cli-err-key-file-exists = the key file { $path } already exists
cli-err-wrong-key = this is not the instance key the database names (it opens another instance’s keys)
cli-err-wrong-recovery-key = the shares do not rebuild this instance’s recovery key (one was altered, or they come from different sets)
cli-err-too-few-shares = { $given } shares given, { $needed } needed
cli-err-not-bundle = { $path }: not a directory (a case bundle is a directory)
cli-err-nothing-imported = { $path }: nothing was imported
cli-err-table-format = --format: { $format } is not acled, uwazi, pax or table
cli-err-table-case = --case: say which case the rows go into (it is created if it does not exist)
cli-err-evidence-too-large = { $file }: larger than the upload limit of { $limit } bytes (raise upload_limit, --upload-limit or ACCORD_UPLOAD_LIMIT); nothing was stored
cli-os-not-found = no such file or directory ({ $os })
cli-os-permission-denied = permission denied ({ $os })
cli-os-exists = it exists already ({ $os })
cli-os-is-a-directory = it is a directory ({ $os })
cli-os-not-a-directory = a part of the path is not a directory ({ $os })
cli-os-full = the disk is full ({ $os })
cli-os-read-only = the file system is read-only ({ $os })
cli-os-invalid-data = the data is not valid ({ $os })
cli-os-cut-short = the file ends too early ({ $os })
cli-os-other = the system refused ({ $os })
cli-what-case = case
cli-what-user = account
cli-what-signatory = signatory
cli-what-observation = observation
cli-what-letter = letter
cli-what-evidence-item = evidence item
cli-what-finding = finding
cli-what-source = source
cli-what-record = record
cli-what-letter-version = letter version
cli-what-follow-through-record = follow-through record
cli-what-evidence-file-name = evidence file name
cli-what-token = token
cli-what-sign-on-link = sign-on link
cli-what-record-version = record version
cli-what-instance = instance
cli-what-instance-keys = instance keys
cli-what-incident = incident
cli-what-translation = translation
cli-usage-unknown-argument = unexpected argument { $arg } found
cli-usage-unknown-command = unrecognized subcommand { $command }
cli-usage-missing-argument = the following required arguments were not provided: { $args }
cli-usage-missing-command = { $command } requires a subcommand
cli-usage-missing-value = a value is required for { $arg } but none was supplied
cli-usage-invalid-value = invalid value { $value } for { $arg }
cli-usage-bad-value = invalid value { $value } for { $arg }: { $reason }
cli-usage-conflict = the argument { $arg } cannot be used with { $other }
cli-usage-value-count = wrong number of values for { $arg }
cli-usage-no-equals = an equal sign is needed when assigning values to { $arg }
cli-usage-utf8 = invalid UTF-8 was detected in one or more arguments
cli-usage-similar = tip: a similar one exists: { $similar }
cli-usage-trailing = tip: to pass { $arg } as a value, use -- { $arg }
cli-usage-more = For more information, try --help.
cli-help-usage = Usage:
cli-help-arguments = Arguments:
cli-help-options = Options:
cli-help-commands = Commands:
cli-help-options-placeholder = OPTIONS
cli-help-command-placeholder = COMMAND
cli-help-default = default: { $values }
cli-help-values = possible values: { $values }
cli-pending-heading = { $name } ({ $tag }): { $counts }
cli-err-not-a-file = { $path }: not a regular file
cli-err-exists-force = { $path }: exists (use --force to replace it)
cli-err-no-evidence = no evidence { $id } in case { $case }
cli-err-no-letter = no letter { $letter } in { $case }
cli-err-export-where = say the directory to write the bundle into, or --format and --out
cli-err-export-format = --format: { $format } is not csv, xlsx or uwazi
cli-err-then = { $first }: { $then }
cli-err-follow-invalid = --{ $field }: { $reason }; nothing was recorded
cli-err-follow-exists = { $case } already has a record { $id } (give another with --id); nothing was recorded
cli-err-follow-not-found = no { $what } { $id } in { $case }; nothing was recorded
# --- L: the command line's own errors (failure.rs `Said`), said in the language ---
cli-origin-flags = { $flags }
cli-origin-file = { $setting } in the configuration file
cli-origin-config-file = the configuration file
cli-err-setting-postgres = { $name }: the database is PostgreSQL, which has no directory beside it to keep this in; set { $name } (flag, ACCORD_* variable or configuration file) to the one every server of the instance uses
cli-err-config-read = cannot read the configuration file { $path }
cli-err-config-toml = { $place }: { $reason }
cli-err-addr = addr: { $value } is not an address such as 127.0.0.1:8080
cli-err-evidence-both-flags = evidence_store: --evidence-store / ACCORD_EVIDENCE_STORE and --evidence-dir / ACCORD_EVIDENCE_DIR are both set; evidence lives in one place: keep one
cli-err-upload-limit-zero = upload_limit: must be at least 1 byte
cli-err-upload-limit-s3 = upload_limit: { $limit } bytes is more than an S3 evidence store takes (at most { $most }: S3 copies an object of at most 5 GiB in one request)
cli-err-log-name = log_name: { $name } is not a log name (no spaces or '+'; e.g. accord.example.org/log)
cli-err-evidence-store-url = evidence_store ({ $origin }): { $url } is not an s3://bucket/prefix URL (a directory goes in evidence_dir)
cli-err-evidence-store = evidence_store ({ $origin })
cli-err-evidence-both-settings = evidence_store: the configuration file sets both evidence_dir and evidence_store; evidence lives in one place: keep one
cli-err-language = language: { $tag } is not a language Accord speaks (en, fr or km)
cli-err-setting-value = { $setting }: { $value }
cli-err-site-setting = { $setting } ({ $origin })
cli-err-idle-timeout = idle_timeout ({ $origin }): { $value }
cli-err-duration-syntax = a number and a unit, s, m, h or d (e.g. 12h)
cli-err-duration-range = from one minute to fourteen days (sessions end after two weeks anyway)
cli-err-cannot-use = { $setting }: cannot use { $path }
cli-err-evidence-dir-not-writable = evidence_dir: { $path } is not writable
cli-err-key-file-does-not-open = key_file: { $path } does not open this instance's keys
cli-err-evidence-store-set-by = evidence_store (set by { $origin })
cli-err-evidence-dir-missing = evidence_dir: { $path } is not a directory (set by { $origin }); create it or point the setting at the directory that holds the evidence files
cli-err-cannot-move = cannot move { $from } to { $to }
cli-note-key-change-finished = note: an interrupted key change is finished: { $path } is the instance key
cli-err-key-file-missing = this instance's evidence is encrypted and its key file { $path } is missing: put the file back (key_file in the configuration, --key-file or ACCORD_KEY_FILE says where it is looked for), or rebuild it with `accord keys recover --share SHARE …`
cli-err-key-file-wrong = the key file { $path } is not this instance's key (another instance's, or one that `accord keys rotate` replaced): point key_file at the right file, or rebuild it with `accord keys recover --share SHARE …`
cli-err-setting = { $setting }
cli-err-threshold-low = --threshold { $threshold }: at least 2 shares must be needed (without --shares, the recovery key is shown whole)
cli-err-threshold-high = --threshold { $threshold } is more than the { $shares } shares made (--shares)
cli-err-shares-need-threshold = --shares needs --threshold: how many of the shares rebuild the key
cli-err-threshold-needs-shares = --threshold needs --shares: how many shares to make
cli-err-read-shares = cannot read the shares from standard input
cli-err-cannot-remove = cannot remove { $path }
cli-err-write-new-key = cannot write the new key to { $path }
cli-err-nothing-changed = nothing was changed
cli-err-move-new-key = the data keys are wrapped to the new key in { $from }, which could not be moved to { $to }: move it there by hand
cli-err-sealing = sealing restricted records (nothing was changed)
cli-err-keys-exist = { $db } has keys already (made { $made }): `accord keys rotate` replaces the instance key, `accord keys recover` rebuilds a lost one
cli-err-key-file-in-the-way = the key file { $path } already exists (another instance's key, or a leftover): move it away, or name another file with --key-file
cli-err-setting-cannot-create = { $setting }: cannot create { $path }
cli-err-no-keys = { $db } has no keys: evidence is stored unencrypted (`accord keys init` makes the keys)
cli-err-nothing-to-recover = the key file { $path } opens this instance's keys: there is nothing to recover (`accord keys rotate` replaces a key that works)
cli-err-key-file-not-this = the key file { $path } exists but is not this instance's key: move it away (it may be another instance's), then run this again
cli-err-no-share = no share given ({ $needed } needed)
cli-err-database-no-keys = the database has no keys
cli-err-token-usage-list = usage: accord user token list EMAIL | accord user token revoke EMAIL NAME
cli-err-token-usage-create = usage: accord user token EMAIL NAME [--expires-in-days N] [--read-only]
cli-err-token-days = --expires-in-days: { $days } is not a number of days from 1 to { $most }
cli-err-token-name = a token name has 1 to 100 characters
cli-err-token-creating-flags = --expires-in-days and --read-only are for creating a token
cli-err-not-an-email = { $email } is not an e-mail address
cli-err-account-exists = an account for { $email } already exists
cli-err-no-randomness = no randomness
cli-err-token-exists = { $email } already has a token named { $name } (revoke it first, or choose another name)
cli-err-no-token = { $email } has no token named { $name }
cli-err-only-owner = { $email } is the only owner of { $cases } (give each another owner first with `accord case grant CASE EMAIL --role owner`, or disable the account instead)
cli-err-no-account = no account for { $email }
cli-err-read-password = cannot read the password from standard input
cli-err-password-short = the password must have at least { $min } characters
cli-err-hash-password = cannot hash the password
cli-err-flag = { $flag }
cli-err-flag-reason = { $flag }: { $reason }
cli-err-obs-exists = observation { $id } already exists in { $case } (give another with --id); nothing was recorded
cli-err-obs-not-reviewed = { $case }: { $id } was not reviewed
cli-err-obs-header = { $file }: row 1: not a CSV header
cli-err-obs-columns = { $file }: row 1: the header has no column { $missing } (expected { $expected }); nothing was imported
cli-obs-not-csv = not CSV: { $reason }
cli-obs-row-twice = row { $first } already codes { $provision } for { $date }
cli-obs-imported-already = { $provision } for { $date } is imported already ({ $reason })
cli-err-obs-no-rows = { $file }: no rows; nothing was imported
cli-err-body-unreadable = --body { $path }: cannot read it
cli-err-pdf-to-stdout = --out -: a PDF cannot go to standard output; name a file, e.g. --out letter.pdf
cli-err-out-is-dir = --out { $path }: is a directory; name a file inside it
cli-err-no-case-hint = no case { $case } in { $db } (see `accord case list`, or import one with `accord import DIR`)
cli-err-letter-none-of = case { $case } has no letter { $letter } (its letters: { $letters })
cli-err-letters-none = none
cli-err-list = { $list }
cli-err-letter-no-language = letter { $letter } has no version in { $lang } (its languages: { $langs })
cli-err-fonts = cannot load fonts
cli-err-render-pdf = cannot render letter { $letter } to PDF
cli-err-write-stdout = cannot write to standard output
cli-err-letter-invalid = --{ $field }: { $reason }; nothing was written
cli-err-letter-not-found = no { $what } { $id }; nothing was written
cli-err-backup = cannot back up { $db } to { $out }
cli-err-restore-into = cannot restore into { $db }
cli-err-restore-not-empty = --db: { $db } is not empty ({ $held }); restoring would replace it (add --force to do so)
cli-err-restore = cannot restore { $backup }
cli-err-backup-sealed = this backup is sealed with the instance's keys: it opens with the instance key file (key_file) or with the recovery shares (--share)
cli-err-key-file-not-backup = key_file: { $path } does not open this backup
cli-err-shares-not-backup = --share: the shares do not rebuild this backup's recovery key
cli-err-restore-to = cannot restore { $backup } into { $db }
cli-err-restore-no-new-key = the files are restored, but a new instance key could not be made: run `accord keys recover`
cli-err-restore-evidence = cannot restore the evidence files of { $backup }
cli-err-scratch-dir = cannot make a temporary directory for the database snapshot: { $path }
cli-err-listen = addr: cannot listen on { $addr }
cli-err-demo-invalid = the embedded reference case does not import
cli-err-demo-store-file = cannot store the demo's evidence file { $path }
cli-err-demo-file-changed = the demo's evidence file { $path } was not stored intact
cli-err-demo-store-case = cannot store the reference case
cli-err-search-lock-file = search_dir: cannot create the lock file { $path }
cli-err-search-dir-in-use = search_dir: { $path } is in use by another `accord serve` on this machine; give each server its own search index directory (--search-dir or ACCORD_SEARCH_DIR)
cli-err-search-lock = search_dir: cannot lock { $path }
cli-err-search-open = cannot open the search index in { $path }
cli-err-search-remove = cannot remove the old search index { $path }
cli-err-log-key = log_key: cannot read or create { $path }
cli-err-log-empty = the log is empty: nothing has been written yet, so nothing is signed
cli-err-witness-key = --witness-key { $path }
cli-err-not-cosigned = not co-signed
cli-err-cannot-sign = cannot sign a checkpoint
cli-err-evidence-not-added = { $file } was not added to case { $case }
cli-err-checkpoint-after-write = the change was stored and logged, but signing a checkpoint failed
cli-err-is-a-directory = { $path }: is a directory
cli-err-cannot-check = cannot check { $path }
cli-err-no-directory = { $path }: no such directory
cli-err-evidence-not-written = evidence { $id } was not written
cli-err-package = cannot write the evidence package { $path }
cli-err-bundle-refused = { $entries }
    { $root } refused: { $n ->
        [one] { $shown } problem
       *[other] { $shown } problems
    }; nothing was imported
cli-bundle-symlink = { $path }: a symbolic link; a bundle holds only plain files and directories (copy the file in instead)
cli-bundle-not-plain = { $path }: not a plain file (a device, pipe or socket); a bundle holds only plain files and directories
cli-bundle-text-too-large = { $path }: larger than { $mib } MiB, the most a text file of a bundle may hold (split records into shards, as accord export does: see docs/case-format.md; evidence files belong under evidence/)
cli-err-bundle-too-large = { $path }: the bundle's text files come to more than { $mib } MiB, the most a bundle may hold; nothing was imported
cli-bundle-evidence-too-large = { $path }: larger than the upload limit of { $limit } bytes (raise upload_limit, --upload-limit or ACCORD_UPLOAD_LIMIT)
cli-err-export-symlink = { $path }: a symbolic link; name the directory itself (an export never writes through a link)
cli-err-exists-not-directory = { $path }: exists and is not a directory
cli-err-export-not-empty = { $path }: the directory is not empty (use --force to write into it)
cli-err-cannot-replace = cannot replace { $path }
cli-err-export-move = cannot move the export into { $path }
cli-err-export-read-stored = { $path }: cannot read the stored file
cli-err-not-exported = { $path }: not exported
cli-err-export-path = { $path }: not a plain relative path inside the bundle
cli-err-export-link-inside = { $path }: a symbolic link; an export never writes through one (remove it first)
cli-err-exists-directory = { $path }: exists and is a directory
cli-err-read-stored = cannot read the stored evidence file
cli-err-stored-bytes-differ = the stored bytes do not match the record (SHA-256 { $got }, { $copied } bytes; recorded { $sha256 }, { $size } bytes): the file was changed or damaged; run `accord verify`
cli-err-copy-from = --from: cannot open { $db }
cli-err-copy-evidence-dir = --to-evidence-dir: the instance has evidence files and a PostgreSQL target has no directory beside it; name the directory (or, with --to-evidence-store, the bucket) the target's servers will use
cli-err-copy = cannot copy { $from } to { $to }
cli-err-replace-table = --replace is for bundles; a table import adds to the case and updates what changed
cli-err-reading-stopped = reading the bundle stopped
cli-err-store-evidence-file = { $path }: cannot store the evidence file
cli-err-file-changed-while-imported = { $path }: the file changed while it was imported (SHA-256 { $checked } when checked, { $stored } when stored); nothing was imported
cli-bundle-problem = { $place }: { $reason }
cli-bundle-problem-field = { $place }: { $field }: { $reason }
cli-err-no-mapping = { $file }: no --mapping; nothing was imported
cli-err-skip-bad-exists = --skip-bad: { $path } exists; name a new file for the bad rows
cli-err-skip-bad-write = --skip-bad: cannot write { $path }
cli-err-export-invalid = the case as { $reader } see it is not valid
cli-export-reader-public = readers outside the case
cli-export-reader-member = the member { $email }
cli-err-export-custody = the bundle was written, but the export of evidence { $id } was not recorded in its chain of custody
cli-err-export-for = --for: { $value } is not a reader: say `public` or `member:EMAIL` (an e-mail address)
cli-err-field-syntax = --field { $field }: write it as NAME=TEXT
cli-err-sheet-rows = too many rows for a sheet
cli-err-sheet-columns = too many columns for a sheet
cli-err-symlink-out = { $path } is a symbolic link; not writing through it
cli-err-package-check-stopped = the package check stopped
cli-err-package-check = cannot check the evidence package { $path }
cli-err-no-account-hint = no account for { $email } (create it with accord user add)
cli-err-compose-body = letter { $letter }: { $place } { $problem }
cli-body-line = body.md line { $line }:
cli-body-file = body.md:
cli-body-unknown-citation = quote({ $citation }): no provision { $citation } in this case
cli-body-bad-citation = quote({ $citation }): not a citation: { $reason }
cli-body-missing-text = quote({ $citation }): the text of { $cite } is missing from the case
cli-body-unknown-source = cite({ $id }): no source { $id } in this case
cli-body-unknown-mechanism = incidents_of({ $id }): no mechanism or finding { $id } in this case
cli-body-reserved = the body contains the reserved character U+{ $code }
cli-body-too-large = the body is { $bytes } bytes, more than the limit of { $max } bytes
cli-body-too-deep = block quotes, lists, emphasis, links or images nest more than { $max } levels deep
cli-body-too-deep-rendered = as its template renders it, the body nests block quotes, lists, emphasis, links or images more than { $max } levels deep (line { $line } of the rendered text)
cli-err-compose-no-letter = case { $case } has no letter { $letter }
cli-err-compose-no-language = letter { $letter } has no version in { $lang }
cli-err-table-not-csv = not a CSV file: { $detail }
cli-err-table-not-xlsx = not an XLSX workbook: { $detail }
cli-err-table-no-sheet = the workbook has no sheet { $sheet }
cli-err-table-empty = the file is empty: the first row names the columns
cli-err-mapping-toml = the mapping is not valid TOML: { $detail }
cli-err-mapping-field = the mapping's { $key }: { $reason }
cli-err-table-row = row { $row }, column { $column }: { $reason } (value { $value })
cli-err-trusted-proxy = trusted proxy { $value } is not an IP address or a network such as 10.0.0.0/8
cli-err-base-url = { $url } is not a base URL such as https://accord.example.org ({ $reason })
cli-err-base-url-scheme = it must start with https:// or http://
cli-err-base-url-host = it names no host
cli-err-base-url-characters = it holds a space, a control character or a quote
cli-err-base-url-query = no query, fragment or user name
cli-err-addr-syntax = invalid socket address syntax
cli-verify-package = evidence package { $path }
cli-verify-problem = { $kind }: { $what }: { $detail }
cli-verify-kind-log-entry = log entry
cli-verify-kind-log-order = log order
cli-verify-kind-log-root = log root
cli-verify-kind-checkpoint = checkpoint
cli-verify-kind-record = record
cli-verify-kind-version = version
cli-verify-kind-evidence = evidence
cli-verify-entry = entry { $seq }
cli-verify-the-log = the log
cli-verify-checkpoint = checkpoint of size { $size }
cli-verify-version = { $record } version { $version }
cli-verify-evidence-file = evidence file { $sha256 }
cli-verify-line = { $file } line { $line }
cli-verify-out-of-order = found where entry { $expected } should be: an entry was removed or the log reordered
cli-verify-entry-changed = its content does not match its leaf hash: the entry was changed
cli-verify-root-differs = rebuilt from its entries the tree has { $entries } leaves and root { $root }, but the log's stored edge says { $stored_size } leaves and root { $stored_root }
cli-verify-signature = signature: { $error }
cli-verify-signs-more = signs a tree of { $signed } entries; the log has { $entries }
cli-verify-signed-root-differs = the signed root differs from the root of the log's first entries: entries were changed, removed or reordered after it was signed
cli-verify-no-history = stored, but has no history: it was written behind Accord's back
cli-verify-differs-from-history = differs from its last version ({ $version }, by { $actor } at { $at }): it was changed behind Accord's back
cli-verify-deleted = its history has it, but it is not stored: it was deleted behind Accord's back
cli-verify-bytes-changed = its bytes now hash to { $actual } ({ $size } bytes): the file was changed
cli-verify-unreadable = cannot be read: { $error }
cli-verify-version-hash = the kept version does not hash to its recorded SHA-256
cli-verify-not-committed = log entry { $seq } does not commit to this version of the record
cli-verify-leaf-differs = the entry does not hash to its leaf
cli-verify-not-included = not included in the signed checkpoint (the proof does not lead to its root)
cli-verify-malformed-line = malformed line { $line }
cli-verify-outside-package = a path outside the package
cli-verify-hash-differs = hashes to { $actual }, not the { $recorded } recorded
cli-verify-no-arrival = no log entry in the package proves when this file was received
cli-log-nothing-to-cosign = the log is empty: nothing to co-sign
cli-log-shrank = the log shrank from { $old } to { $new } entries since this witness last co-signed
cli-log-not-consistent = the latest checkpoint is not consistent with the one this witness co-signed at size { $old_size }: { $error }
cli-log-state-no-size = { $file }: the line for { $origin } has no tree size; the witness state is damaged, so the consistency of the log cannot be checked (restore the file, nothing was co-signed)
cli-log-state-no-root = { $file }: the line for { $origin } has no root hash; the witness state is damaged, so the consistency of the log cannot be checked (restore the file, nothing was co-signed)
cli-log-edge-differs = its kept edge does not match its signed root
cli-log-entries-differ = the entries added since do not lead to the new root
cli-log-not-extending = the log does not extend its checkpoint of size { $size }: { $why }; refusing to sign (run `accord verify`)
cli-tlog-index-out-of-range = leaf index { $index } is outside a tree of size { $size }
cli-tlog-sizes-out-of-order = old tree size { $old_size } is larger than new tree size { $new_size }
cli-tlog-from-empty-tree = a consistency proof from the empty tree to size { $new_size } proves nothing
cli-tlog-proof-length = the proof has { $got } hashes where { $expected } are needed
cli-tlog-root-mismatch = the proof does not lead to the given { $which ->
    [old] old
    [new] new
   *[tree] tree
} root
cli-tlog-bad-signature = the signature by { $key } does not verify
cli-tlog-no-known-signature = the note has no signature by a known key
cli-tlog-checkpoint-too-short = a checkpoint needs at least 3 lines, this one has { $lines }
cli-tlog-empty-origin = the checkpoint origin is empty
cli-tlog-bad-tree-size = tree size { $text } is not a decimal number without leading zeros
cli-tlog-bad-root-base64 = root hash { $text } is not standard base64
cli-tlog-bad-root-length = root hash is { $len } bytes long where SHA-256 gives 32
cli-help-accord = Accord: hold governments to the commitments they signed.
cli-help-accord-long = Accord: hold governments to the commitments they signed. Cases (instruments, incidents, findings, mechanisms, letters) live in a database: by default the SQLite file ./accord.db, or the one --db or ACCORD_DB names. Start with `accord import data/cases/cambodia-2017` or `accord serve --demo`.
cli-help-help = Print this message or the help of the given command
cli-help-serve = Serve the web interface
cli-help-import = Import a case bundle (a directory; see docs/case-format.md), or a table (ACLED, Uwazi, PA-X, a spreadsheet) into a case with --format (see docs/import.md)
cli-help-export = Export a case as a bundle directory (canonical form), or its incidents, findings and sources as CSV, XLSX or Uwazi CSV with --format
cli-help-case = List cases and show their status
cli-help-case-list = List the cases in the database
cli-help-case-grant = Give an account a role in a case (owner, editor, reviewer, viewer), or remove it
cli-help-case-publish = Publish a read-only view of a case to everyone (or, with --off, make it private again)
cli-help-case-status = Which mechanisms are triggered, since when, by which findings; every provision’s status
cli-help-evidence = Evidence files: add, get, list, show, package for a court
cli-help-evidence-add = Add a file as evidence of an incident: hashed (SHA-256) as it is read, stored once, never modified, with its capture record
cli-help-evidence-get = Write an evidence file’s exact bytes to a file (logged as downloaded)
cli-help-evidence-list = List a case’s evidence files
cli-help-evidence-show = An evidence item’s record: hash, capture record and chain of custody
cli-help-evidence-custody = Record in an item’s chain of custody what was done with it: viewed, copied, exported or handed_over (say to whom and how in --note); Accord records the other events itself
cli-help-evidence-check = Check an item’s stored bytes now: hashed again, and when they match their record, recorded as verified in its chain of custody; a mismatch exits 1 naming both hashes
cli-help-evidence-package = Write an evidence package for a court or a UN body: the originals, their capture and custody records, SHA256SUMS, the log entries about them with inclusion proofs against a signed checkpoint, and the verifier key (check it with `accord verify --package DIR`)
cli-help-log = The signed tamper-evident log: verifier key, checkpoints, co-signing
cli-help-log-key = Print the log’s verifier key (signed-note format: name+keyid+base64 key); the key is created on first use
cli-help-log-checkpoint = Print the latest signed checkpoint exactly as signed, signing a new one first if the log grew
cli-help-log-cosign = Co-sign the latest checkpoint as a witness: checked to be consistent with the last checkpoint this witness co-signed, then signed; prints the co-signed note
cli-help-keys = The keys that encrypt evidence at rest: init, recover, rotate, status
cli-help-keys-init = Create the instance key (a file) and a recovery key, shown once whole or split into shares, then encrypt the evidence already stored
cli-help-keys-recover = Rebuild a lost instance key from recovery shares (or the whole recovery key); nothing is changed unless they rebuild this instance’s recovery key
cli-help-keys-rotate = Replace the instance key: the data keys are wrapped to a new key, the old one no longer opens them, and no evidence file is rewritten
cli-help-keys-status = Whether the instance has keys, whether the key file opens them, how much evidence is encrypted
cli-help-keys-encrypt-existing = Encrypt the evidence files stored before the keys were made (init does it; this finishes an interrupted one)
cli-help-verify = Check the log, every record and every evidence file (or an evidence package) for tampering
cli-help-backup = Back up the whole instance (database, evidence, log key) while it runs
cli-help-restore = Restore a backup into --db (refuses to replace a database without --force), then verify
cli-help-copy = Copy the whole instance into another database (SQLite to PostgreSQL and back), with its history, log and evidence; refuses a non-empty target without --force
cli-help-observation = Implementation observations: list, add, review, import Peace Accords Matrix tables
cli-help-observation-list = List a case’s observations, oldest recorded first
cli-help-observation-add = Record an observation, as a draft for review
cli-help-observation-review = Confirm, retract or return observations to draft
cli-help-observation-import = Import yearly codes from a CSV table in the Peace Accords Matrix’s shape
cli-help-letter = Compose and render joint letters
cli-help-letter-list = List a case’s letters, with how many organisations have signed each
cli-help-letter-render = Render a letter to Markdown, HTML or PDF (verified signatories of the current text only)
cli-help-letter-version = Add a letter’s version in another language, or change it (a translation: who made it and when are recorded, with the original it was made from)
cli-help-letter-remove-version = Remove a letter’s version in another language (never the original; refused once an organisation that has not withdrawn signed that language’s text); logged as an edit of the letter, whose history keeps the removed text
cli-help-letter-deliver = Record that a letter reached an addressee (to whom, when, how)
cli-help-letter-respond = Record an addressee’s response: when, what they did (acted, acknowledged, declined), a summary, its text or source
cli-help-letter-deadline = Record a deadline a letter set (for one addressee, or all)
cli-help-letter-follow-up = Record that a letter follows up an earlier letter of the same case
cli-help-letter-follow-through = List a case’s (or a letter’s) deliveries, responses, deadlines and follow-ups, and what each addressee did
cli-help-letter-awaiting = The letters awaiting a response past a deadline, most overdue first
cli-help-elections = Compute seat allocations, dissolution scenarios and simulations
cli-help-elections-allocate = Allocate seats for an election file (JSON, or CSV with --seats)
cli-help-elections-dissolve = Dissolve a party and give out its seats by a rule; before and after, and indices
cli-help-elections-simulate = Monte-Carlo: redraw votes with Dirichlet noise and tally seats per party
cli-help-elections-apportion = Apportion seats to units by population (apportionment file)
cli-help-translation = Records in several languages: translate a record, list what a language still lacks
cli-help-translation-add = Add or change one language’s translation of a record
cli-help-translation-remove = Remove one language’s translation of a record (the record’s history keeps it)
cli-help-translation-original = Say which language a record was written in; with --kind case and the case’s id, which language the case’s records are written in
cli-help-translation-pending = List the texts not yet translated into a language, or whose translation is out of date (every language but the case’s own without --lang)
cli-help-user = Create accounts and API tokens
cli-help-user-add = Create an account
cli-help-user-disable = Disable an account: it cannot sign in, its sessions end, its tokens are refused
cli-help-user-enable = Enable a disabled account (its tokens work again; it signs in anew)
cli-help-user-delete = Delete an account with its sessions, tokens and case roles (what it wrote stays)
cli-help-user-password = Set a new password (read from standard input); every session of the account ends
cli-help-user-token = API tokens: token EMAIL NAME creates one and prints it (once); token list EMAIL lists them; token revoke EMAIL NAME revokes one
cli-help-bench-data = Generate a large synthetic case (English and Khmer) for benchmarks
cli-help-after-elections = Election file (JSON): name, method, threshold, constituency_threshold and constituencies, each with its name, seats, votes by party and blank_votes; optional: first_divisor, threshold_rule (any, all), ties (error, most-votes, lot) with seed, notes, sources, recorded_seats per constituency and the recorded outcomes (breakdown, dissolutions) that dissolve --rule recorded reads; an unknown field is an error (the accord-elections README lists every field). Methods: dhondt, sainte-lague, modified-sainte-lague, imperiali, danish, huntington-hill, adams, hare, droop, cambodia and their aliases. CSV input: a votes file (constituency,party,votes) and --seats SEATS.csv (constituency,seats[,blank_votes]), both with a header row. Apportionment file (JSON): name, method, seats, min_seats and populations by unit.
cli-arg-db = Database: a SQLite file path or a postgres:// address [default: ./accord.db]
cli-arg-config = Configuration file (TOML: db, addr, font_paths, evidence_dir, evidence_store, log_key, log_name, upload_limit, key_file, language)
cli-arg-evidence-dir = Directory of evidence files [default: the database path + .evidence]
cli-arg-evidence-store = Evidence in S3-compatible object storage instead of a directory: s3://bucket/prefix (endpoint, region and credentials from AWS_ENDPOINT, AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_ALLOW_HTTP, ...)
cli-arg-log-key = The log’s signing key, created on first use [default: the database path + .log-key]
cli-arg-log-name = The log’s name (checkpoint origin) when its key is created, e.g. accord.example.org/log
cli-arg-upload-limit = The largest evidence file accepted, in bytes [default: 4294967296 (4 GiB)]
cli-arg-key-file = The instance key file, which opens the keys that encrypt evidence (`accord keys init` creates it); keep it off the data disk [default: the database path + .instance-key]
cli-arg-base-url = The site’s public address, e.g. https://accord.example.org: sign-on links are built from it (never from the request’s Host header)
cli-arg-idle-timeout = A session unused for this long ends (30m, 12h, 1d) [default: 12h]
cli-arg-help = Print help
cli-arg-version = Print version
cli-arg-json = Print JSON
cli-arg-case = The case id
cli-arg-letter = The letter id
cli-arg-by = Recorded as the author of the change in the log
cli-arg-id = The new record’s id [default: one is made from its content]
cli-arg-lang = The language: a BCP 47 tag (km, fr, fr-CA, ...)
cli-arg-out = The file to write
cli-arg-force = Replace what is there already
cli-arg-date = The day (YYYY-MM-DD)
cli-arg-as-of = The day to compute for (YYYY-MM-DD): only what may have happened by then counts [default: today]
cli-arg-note = A note
cli-arg-source = The id of a source of the case
cli-arg-incident = The incident id
cli-arg-email = The account’s e-mail address
cli-arg-kind = The record’s kind: case, instrument, provision, actor, source, incident or mechanism
cli-arg-title = The title
cli-arg-place = The place
cli-arg-dry-run = Check everything and say what would be written; write nothing
cli-arg-replace = Replace the case if it exists (otherwise an existing case is refused)
cli-arg-provision = The provision’s citation, e.g. ACPS Art. 29
cli-arg-coded-by = Who coded it
cli-arg-password-stdin = Read the password from standard input (never from the command line)
cli-arg-share = A recovery share, or the whole recovery key (repeat for each share); arguments are visible to other users of the machine while the command runs: --shares-stdin is not
cli-arg-shares-stdin = Read the shares from standard input, one a line
cli-arg-shares = Split the recovery key into this many shares (with --threshold) instead of showing it whole
cli-arg-threshold = How many of the shares rebuild the key
cli-arg-file = Election file: JSON, or a votes CSV (constituency,party,votes) with --seats
cli-arg-method = The allocation method, overriding the file’s (required for a CSV)
cli-arg-seats = Seats CSV (constituency,seats[,blank_votes]) for a votes CSV
cli-arg-name = For a CSV: the election’s name [default: the file name]
cli-arg-constituency-threshold = For a CSV: constituency threshold, a fraction of the constituency’s valid votes
cli-arg-threshold-rule = For a CSV: how the two thresholds combine when both are set (any, all)
cli-arg-first-divisor = For a CSV: first divisor of modified-sainte-lague
cli-arg-ties = For a CSV: tie rule (error, most-votes, lot)
cli-arg-tie-seed = For a CSV: seed for ties = lot
cli-arg-party = The dissolved party
cli-arg-rule = How its seats are given out
cli-arg-scope = For minor-parties: count parties without a seat nationally or per constituency
cli-arg-declined = For minor-parties: parties that decline the seats awarded to them (their seats pass on to the parties already seated)
cli-arg-basis = Start from the recorded official seats or the computed ones [default: recorded when every constituency has recorded_seats]
cli-arg-highest-average = For minor-parties: the highest-average method [default: dhondt]
cli-arg-runs = Number of runs
cli-arg-seed = Seed: the same seed gives the same result on any number of cores
cli-arg-noise = Noise model, dirichlet:K (shares drawn from Dirichlet(K x observed shares))
cli-arg-addr = Address to listen on [default: 127.0.0.1:8080, or ACCORD_ADDR, or the configuration file’s addr]
cli-arg-demo = Load the reference case (Cambodia 2017) if it is not there, and publish it read-only
cli-arg-secure-cookies = Mark cookies Secure (when Accord is reached over HTTPS)
cli-arg-search-dir = Directory of this server’s full-text index; each server needs its own [default: the database path + .search]
cli-arg-trusted-proxy = A reverse proxy (address or network, e.g. 10.0.0.0/8) whose X-Forwarded-For header names the client’s address; repeat for several
cli-arg-import--path = The bundle directory, e.g. data/cases/cambodia-2017; with --format, a CSV or XLSX file
cli-arg-import--format = Import a table instead of a bundle: acled, uwazi, pax or table (a spreadsheet, with --mapping); see docs/import.md
cli-arg-import--case = The case the rows go into (created if it does not exist)
cli-arg-import--title = The title of a case the import creates
cli-arg-mapping = The mapping file (TOML) of a spreadsheet: which column is which field
cli-arg-skip-bad = Import the good rows and write the bad ones, with a column saying what is wrong, to OUT (by default one bad row means nothing is imported)
cli-arg-export--path = The directory to write a bundle into; it must not exist or be empty
cli-arg-export--format = Export incidents, findings and sources as tables instead of a bundle: csv (a file each), xlsx (a sheet each) or uwazi (incidents as a Uwazi CSV)
cli-arg-export--out = With --format: the file to write (csv writes three: -incidents, -findings, -sources)
cli-arg-export--force = Write into a directory that already has files (or over an existing --out file)
cli-arg-for-reader = Export what this reader may see: public (readers outside the case) or member:EMAIL (a member who is not an owner); what they may not see is left out and OMITTED.md lists it, without content [default: everything, as the case’s owners see it]
cli-arg-role = The role: owner, editor, reviewer or viewer, or none to remove it
cli-arg-off = Make the case private again
cli-arg-evidence-add--file = The file (any size up to the upload limit; it is streamed, never held in memory)
cli-arg-evidence-add--id = The evidence id [default: made from the file’s name]
cli-arg-evidence-add--method = How it was captured: photo, screenshot, download, scan, recording, witness, ...
cli-arg-captured-at = When it was captured (YYYY-MM-DD or a date and time)
cli-arg-captured-by = Who captured it
cli-arg-source-url = The web address it was captured from
cli-arg-tool = The tool used to capture it
cli-arg-derived-from = The id of the evidence item this one was derived from (a redacted copy names its original)
cli-arg-what = What the file shows
cli-arg-evidence-get--id = The evidence id
cli-arg-evidence-show--id = The evidence id
cli-arg-evidence-custody--id = The evidence id
cli-arg-evidence-check--id = The evidence id
cli-arg-evidence-custody--action = What was done with it: viewed, copied, exported or handed_over
cli-arg-evidence-get--out = The file to write the bytes to
cli-arg-evidence-package--out = The directory to write the package into
cli-arg-witness-key = The witness’s signing key (created on first use)
cli-arg-state = Where the witness keeps the last checkpoint it co-signed [default: the key file + .state]
cli-arg-log-cosign--name = The witness’s name in its verifier key, when the key is created
cli-arg-package = Check an evidence package (a directory written by evidence package) instead of the database, offline
cli-arg-backup--out = A new (or empty) directory to write the backup into
cli-arg-backup = A backup directory written by `accord backup`
cli-arg-restore--force = Replace the database that is there
cli-arg-restore--share = A recovery share (repeat up to the threshold): opens a sealed backup when the instance key file is lost, and makes a new instance key file before verifying
cli-arg-copy--from = The database to copy from [default: the configured database (--db, ACCORD_DB or the configuration file), whose evidence settings apply]
cli-arg-copy--to = The database to copy into: a SQLite file or a postgres:// address; it must not hold anything, unless --force
cli-arg-to-evidence-dir = The evidence directory of the copy [default: for a SQLite target, the target + .evidence; required for a PostgreSQL target when the instance has evidence]
cli-arg-to-evidence-store = Copy the evidence into S3-compatible object storage (s3://bucket/prefix; endpoint and credentials from the AWS_* environment) instead of a directory
cli-arg-copy--force = Copy into a database that is not empty (its rows are replaced)
cli-arg-observation-add--date = The year or day observed (YYYY or YYYY-MM-DD; not after today, not before the instrument)
cli-arg-score = The score on the Peace Accords Matrix scale (0 not implemented, 1 minimal, 2 intermediate, 3 full implementation)
cli-arg-ids = The observations’ ids
cli-arg-status = The new status: confirmed, retracted or draft
cli-arg-observation-import--file = The CSV file
cli-arg-observation-import--sources = A source of the case the table comes from (repeat for several)
cli-arg-observation-import--coded-by = Who coded the table
cli-arg-letter-render--format = Output format: md (Markdown), html (a printable page) or pdf (A4)
cli-arg-letter-render--out = Output file (- for standard output, Markdown and HTML only)
cli-arg-letter-render--lang = The language to render (the original’s when not given): a version in another language is rendered with its own wording and the signatures given to it
cli-arg-body = The body in that language, from a file (Markdown with the letter’s template functions: quote, cite, incidents_of, footnote)
cli-arg-addressees = The original’s addressees in that language, in the original’s order, one flag each: name | title | organisation | role (without any, the version prints the original’s)
cli-arg-cc = The original’s CC lines in that language, in order, one flag each (without any, the original’s)
cli-arg-sources = A source of the case that supports it (repeat for several)
cli-arg-closing = The closing in that language
cli-arg-letter-deliver--to = The addressee, as the letter names them (an actor id or a name)
cli-arg-letter-deliver--method = How it was delivered: email, post, hand, fax or other
cli-arg-letter-respond--from = The addressee who responded, as the letter names them
cli-arg-letter-respond--action = What they did: acted, acknowledged or declined
cli-arg-summary = A summary of the response
cli-arg-text = The response’s text
cli-arg-asked = What the letter asked for by then
cli-arg-addressee = The addressee the deadline is for [default: every addressee]
cli-arg-cites = The id of the earlier letter it follows up
cli-arg-letter-follow-through--letter = Only this letter’s records (and the follow-ups that cite it)
cli-arg-elections-apportion--file = Apportionment file (JSON)
cli-arg-elections-apportion--method = The apportionment method, overriding the file’s
cli-arg-elections-allocate--threshold = For a CSV: national threshold, a fraction of national valid votes
cli-arg-elections-dissolve--threshold = For a CSV: national threshold, a fraction of national valid votes
cli-arg-elections-simulate--threshold = For a CSV: national threshold, a fraction of national valid votes
cli-arg-translation-add--id = The record’s id (a provision’s citation: ACPS Art. 29; the case’s own id)
cli-arg-translation-remove--id = The record’s id (a provision’s citation: ACPS Art. 29; the case’s own id)
cli-arg-translation-original--id = The record’s id (a provision’s citation; the case’s own id with --kind case)
cli-arg-fields = A translated field, as NAME=TEXT (title, summary, place, name, heading, text, notes, note or action, as the kind has them); repeat for several
cli-arg-translator = Who translated it [default: whoever --by names]
cli-arg-translation-pending--lang = The language: a BCP 47 tag [default: every language but the case’s own]
cli-arg-admin = Make the account an administrator (it may create cases and manage every case)
cli-arg-args = EMAIL NAME, or list EMAIL, or revoke EMAIL NAME
cli-arg-expires-in-days = The token ends after this many days [default: never]
cli-arg-read-only = The token may only read (read and write otherwise)
cli-arg-incidents = How many incidents
cli-arg-findings = How many findings
cli-arg-bench-data--case = The id of the case to generate
cli-arg-bench-data--seed = Seed of the generator: the same seed gives the same case
cli-arg-publish = Publish the case read-only
## A table import's row problems (L4), said by kind; the English is the importers' own words
refusal-import-acled-column = an ACLED export has this column; is this an ACLED file (--format acled)?
refusal-import-pax-column = a PA-X agreements file has this column; is this PA-X's CSV (--format pax)?
refusal-import-pax-agtid = AgtId is PA-X's agreement number
refusal-import-agreement-name = every agreement has a name
refusal-import-pax-code = a PA-X provision code is 0, 1, 2 or 3 (or the column is not one PA-X has)
refusal-import-title = every record needs a title
refusal-import-id-empty = the id column is empty: each row needs its id so that a second import finds it
refusal-import-geolocation = a geolocation is lat|lon, e.g. 11.5564|104.9282
refusal-import-url = not a web address Accord can link to
refusal-import-event-id = not an event id: letters, digits, '.', '_' or '-', at most 100
refusal-import-utf8 = the row is not UTF-8 text: save the file as UTF-8
refusal-import-duplicate = row { $row } has this id already: each row is one record
refusal-import-mapping-column = the mapping maps { $field } to this column, which the file does not have
refusal-import-mapping-required = the mapping says which column is the { $field } ({ $example })
refusal-import-kind = not an incident kind: say what it is in the mapping's [kinds] ({ $example }); the kinds are { $kinds }
refusal-import-unreadable = the row cannot be read: { $detail }
refusal-import-not-date = not a date
refusal-import-date-day-month = not a date: expected e.g. 23 Oct 2017
refusal-import-date-month-day = not a date: expected e.g. Oct 23, 2017
refusal-import-date-month = not a date: expected e.g. Oct 2017
refusal-import-date-year = not a date: a numeric date needs a four-digit year
refusal-import-date-ymd = not a date in the order year, month, day ({ $setting })
refusal-import-date-order = day and month are both numbers: say which comes first with { $dmy } or { $mdy } in the mapping
refusal-import-unix-time = not a Unix time
refusal-import-unix-range = a Unix time out of range
refusal-import-no-day = { $day } does not exist
refusal-import-date-any = not a date: expected 2017-10-23, 2017-10, 2017, 23 Oct 2017 or a numeric date in the mapping's date_order
# A value outside a vocabulary (vocabulary-<name>), a score, a TOML key, a bundle's file (refusals.rs)
refusal-bundle-unknown-file = unknown file in a case bundle (see docs/case-format.md for the layout)
refusal-bundle-no-case-file = missing: every bundle needs a case.toml
refusal-bundle-unnamed-evidence = an evidence file that no record in evidence.toml names
refusal-bundle-no-file = { $path }: no such file in the bundle
refusal-bundle-utf8 = not UTF-8 text (byte { $byte })
refusal-bundle-text-too-large = larger than { $mib } MiB, the most a text file of a bundle may hold (split records into shards, as accord export does: see docs/case-format.md; evidence files belong under evidence/)
refusal-bundle-cannot-read = cannot read: { $detail }
refusal-score = { $value } is not on the Peace Accords Matrix scale: 0 (not implemented), 1 (minimal), 2 (intermediate) or 3 (full implementation)
refusal-unknown-key = unknown key `{ $key }`: the keys here are { $expected }
refusal-missing-key = the key `{ $key }` is missing
refusal-unknown-name = unknown { $what } “{ $value }” (expected one of: { $expected })
refusal-mapping-field = not a field; the fields are { $fields } and title__LANG (title__km)
refusal-mapping-separator = one character, e.g. { $example }
refusal-mapping-date-order = “{ $value }” is not dmy, mdy or ymd
vocabulary-role = role
vocabulary-custody-action = custody action
vocabulary-delivery-method = delivery method
vocabulary-response-action = response action
vocabulary-outcome = outcome
vocabulary-instrument-kind = instrument kind
vocabulary-text-status = text status
vocabulary-actor-kind = actor kind
vocabulary-incident-kind = incident kind
vocabulary-verdict = verdict
vocabulary-finding-status = finding status
vocabulary-signature-state = signature state
vocabulary-signatory-order = signatory order
vocabulary-record-kind = record kind
vocabulary-translation-state = translation state
vocabulary-provision-state = provision state
vocabulary-observation-status = observation status
vocabulary-sensitivity = sensitivity
## The OpenAPI document's operation summaries (L4), by operation id; their English is the code's
api-op-list-cases = The cases the caller may see: their own, every case for an administrator, and published ones.
api-op-get-case = One case.
api-op-list-actors = The actors of a case, in the bundle's order.
api-op-get-actor = One actor.
api-op-list-awaiting = The letters awaiting a response past a deadline, most overdue first (`?as_of=YYYY-MM-DD`: counted on that day, from the records of then).
api-op-get-evidence = An evidence item's record: hash, capture record, chain of custody.
api-op-add-custody-event = Record what was done with an item (editors and owners): viewed, copied, exported or handed over to another organisation.
api-op-download-evidence = The item's exact bytes (logged as `downloaded` in its chain of custody). Raster images keep their type; anything else is sent as `application/octet-stream`, as an attachment.
api-op-list-findings = The findings of a case, in the order they were recorded.
api-op-create-finding = Add a draft finding (editors and owners).
api-op-get-finding = One finding.
api-op-finding-history = Every version of a finding, oldest first (its review decisions among them).
api-op-set-finding-status = Confirm, retract or return a finding to draft (reviewers and owners).
api-op-list-incidents = The timeline of a case: newest first, filtered, searched, in pages.
api-op-create-incident = Record an incident (editors and owners).
api-op-get-incident = One incident.
api-op-update-incident = Replace an incident's fields (editors and owners); its evidence is kept.
api-op-upload-evidence = Upload a file documenting an incident (editors and owners). The body is the file's bytes, streamed: it is hashed and stored as it arrives, never held whole.
api-op-incident-history = Every version of an incident, oldest first.
api-op-get-follow-through = A letter's deliveries, responses, deadlines and follow-ups, and what each addressee did.
api-op-create-follow-through = Record a delivery, a response, a deadline or a follow-up of a letter (editors and owners).
api-op-get-letter-versions = A letter's languages.
api-op-put-letter-version = Add or change the letter's version in `lang` (owners): who translated it (the caller) and today are recorded with the original it was made from; logged as an edit of the letter.
api-op-delete-letter-version = Remove the letter's version in `lang` (owners): the letter is saved without it, logged as an edit of the letter (its history keeps the removed wording). Refused while an organisation that has not withdrawn signed that language.
api-op-list-observations = The observations of a case, in the order they were recorded.
api-op-create-observation = Record an observation as a draft (editors and owners).
api-op-get-observation = One observation.
api-op-set-observation-status = Confirm, retract or return an observation to draft (reviewers and owners). Nobody confirms an observation they coded or recorded, unless the case's owner allows self-review.
api-op-list-provisions = Every provision of the case's instruments, in instrument order.
api-op-get-provision = One provision, by its citation (URL-encoded: `FPA%20Art.%203(1)`).
api-op-list-sources = The sources of a case, in the order they were recorded.
api-op-create-source = Add a source (editors and owners).
api-op-get-source = One source.
api-op-source-history = Every version of a source, oldest first.
api-op-get-case-status = Which mechanisms are triggered, since when and by which findings, and the state of every provision: the case-status contract, the same JSON as `accord case status CASE --json`. With `as_of`, the status as it stood on that day (the JSON then carries `as_of`).
api-op-list-translations = Every record's languages, as the caller may see them.
api-op-translate-record = Add or change one language's translation of a record (editors and owners).
api-op-remove-translation = Remove one language's translation of a record (editors and owners): a new version of the record's languages; its history keeps the removed text.
api-op-set-original-language = Say which language a record was written in (editors and owners), or, with kind `case` and the case's id, which language the case's records are written in (owners).

## The OpenAPI document's other texts (L7): each parameter, response, schema and field description, by operation id or schema; their English is the code's
api-schema-Actor = Someone who acts or is acted upon: a state, a ministry, an official, a party, an NGO.
api-schema-Actor-id = Unique within the case.
api-schema-Actor-kind = `state`, `government_body`, `official`, `party`, `organisation`, ...
api-schema-Actor-members = For groups and bodies: the ids of the actors they are made of.
api-schema-Actor-restricted-to = For a restricted actor: the members (by e-mail address) it is shown to, besides owners.
api-schema-Actor-sensitivity = Who may see the actor: `public`, `case` or `restricted`.
api-schema-ActorRole = An actor and the part they played.
api-schema-ActorRole-actor = Actor id.
api-schema-ActorRole-role = `perpetrator`, `target`, `victim`, `witness` or `other`.
api-schema-AddresseeWording = How an addressee is written in one language: who they are stays the original's.
api-schema-AddresseeWording-role = Free text ("co-chair").
api-schema-Awaiting = A deadline passed without a response.
api-schema-Awaiting-addressee = The addressee it binds (absent: every addressee).
api-schema-Awaiting-date = `YYYY-MM-DD`.
api-schema-Awaiting-deadline = The deadline record's id.
api-schema-CaptureRecord = How an item was captured.
api-schema-Case = One case and what the caller may do in it.
api-schema-Case-findings = Findings: all of them for members of the case; confirmed ones only for anyone else.
api-schema-Case-period = The period the case covers (`2030-01..2030-06`).
api-schema-Case-version = Bumped by every change to the case.
api-schema-CaseLanguages = A case's languages: the one its records are written in, and every record's translations.
api-schema-CaseLanguages-language = BCP 47 tag of the language the case's records are written in (`en` when the case does not say).
api-schema-CaseLanguages-records = The records that have translations or were written in another language, in the order they were added.
api-schema-CaseListItem = A case in the list.
api-schema-CaseListItem-access = Why the caller sees the case: their role, `administrator`, or `published`.
api-schema-CaseListItem-country = ISO 3166-1 alpha-2.
api-schema-CaseListItem-published = Whether the case is published read-only to everyone.
api-schema-CaseListItem-role = The caller's role in the case: `owner`, `editor`, `reviewer`, `viewer`, or null.
api-schema-CaseListItem-updated-at = When the case last changed (UTC).
api-schema-CaseStatus = The trigger status of a case (docs/contracts.md): `accord case status CASE --json` and `GET /api/v1/cases/{"{"}id{"}"}/status`.
api-schema-CaseStatus-as-of = `YYYY-MM-DD`: present when the status was computed as of that day (`--as-of`, `?as_of=`), from the incidents that may have happened by then and the findings on them.
api-schema-CaseStatus-case = The case id.
api-schema-CustodyEvent = One event in an item's chain of custody.
api-schema-CustodyEvent-action = `received`, `viewed`, `downloaded`, `copied`, `exported`, `handed_over`, `verified` or `derived`.
api-schema-CustodyEvent-at = UTC, `YYYY-MM-DDTHH:MM:SSZ`.
api-schema-CustodyInput = An event to add to an item's chain of custody.
api-schema-CustodyInput-action = `viewed`, `copied`, `exported` or `handed_over` (the others are recorded by Accord as they happen).
api-schema-CustodyInput-note = To whom, where, how; required for `handed_over`.
api-schema-Derivation = What a working copy was made from.
api-schema-ErrorBody = The body of every error response (built by [`ApiError`]).
api-schema-Evidence = A piece of evidence.
api-schema-EvidenceItem = An evidence item: the file's hash and type, its capture record and chain of custody.
api-schema-EvidenceItem-custody = Oldest first.
api-schema-EvidenceItem-derived-from = Set for a working copy: the original and what was done.
api-schema-EvidenceItem-file = Its name in the case (and in a bundle's `evidence/` directory).
api-schema-EvidenceRefRecord = A file an incident names by hash.
api-schema-Finding = Incidents judged against a provision.
api-schema-Finding-incidents = Incident ids.
api-schema-Finding-provision = The provision's canonical citation.
api-schema-Finding-status = `draft`, `confirmed` or `retracted`; only confirmed findings count towards triggers.
api-schema-Finding-verdict = `violation`, `threat_of_violation` or `concern`.
api-schema-FindingInput = A new finding; it is recorded as a draft, for a reviewer to confirm.
api-schema-FindingInput-incidents = Ids of incidents of the case (at least one).
api-schema-FindingInput-provision = A citation of a provision of the case (`FPA Art. 3(1)`).
api-schema-FindingInput-rationale = Why the incidents amount to this verdict.
api-schema-FindingRecord = A finding's canonical JSON, as versioned and logged.
api-schema-FindingStatusInput = A review decision.
api-schema-FindingStatusInput-status = `confirmed`, `retracted` or `draft`.
api-schema-FindingVersion = One version of a finding.
api-schema-FindingVersion-record = The finding as it was; null if this version removed it.
api-schema-FollowThroughInput = A new record. `kind` says which fields it takes: `delivery` (`to`, `date`, `method`, `note`?), `response` (`from`, `date`, `action`, `summary`, `text`?, `source`?), `deadline` (`date`, `asked`, `addressee`?) or `follow_up` (`cites`).
api-schema-FollowThroughInput-id = The record's id; a readable one when absent.
api-schema-FollowThroughRecord = A delivery, a response, a deadline or a follow-up. Which fields are present depends on `kind`.
api-schema-FollowThroughRecord-action = What a responding addressee did: `acted`, `acknowledged` or `declined`.
api-schema-FollowThroughRecord-addressee = The addressee a deadline binds (absent: every addressee).
api-schema-FollowThroughRecord-asked = What a deadline asks for.
api-schema-FollowThroughRecord-cites = The earlier letter a follow-up cites.
api-schema-FollowThroughRecord-date = `YYYY-MM-DD` (not for a follow-up).
api-schema-FollowThroughRecord-from = A response's addressee.
api-schema-FollowThroughRecord-kind = `delivery`, `response`, `deadline` or `follow_up`.
api-schema-FollowThroughRecord-letter = The letter it is about (a follow-up: the later letter).
api-schema-FollowThroughRecord-method = A delivery's method: `email`, `post`, `hand`, `fax`, `online_form`, `published`, `other`.
api-schema-FollowThroughRecord-source = A source id of the case.
api-schema-FollowThroughRecord-to = A delivery's addressee (actor id, or name as printed).
api-schema-Incident = Something that happened: an arrest, a closure, a new law.
api-schema-Incident-date = As recorded: a day (`2030-02-14`), a month (`2030-03`), a year, a range (`2030-01..2030-06`) or an open range.
api-schema-Incident-date-end = The latest day the date allows; null for an ongoing incident.
api-schema-Incident-date-precision = `day`, `month`, `year`, `range`, ...
api-schema-Incident-date-start = The earliest day the date allows (`YYYY-MM-DD`).
api-schema-Incident-evidence = Files whose integrity can be checked by their SHA-256 (read-only here).
api-schema-Incident-kind = `arrest`, `closure`, `dissolution`, `legislation`, ... (see the incident input).
api-schema-Incident-restricted-to = For a restricted incident: the members (by e-mail address) it is shown to, besides owners.
api-schema-Incident-sensitivity = Who may see the incident: `public`, `case` or `restricted`.
api-schema-Incident-sources = Source ids.
api-schema-IncidentInput = An incident to create, or the new state of one to replace.
api-schema-IncidentInput-actors = Actors already in the case.
api-schema-IncidentInput-date = `2030-02-14`, `2030-03`, `2030`, `2030-01..2030-06`, `2030-01..`.
api-schema-IncidentInput-id = For a new incident: its id (letters, digits, `-`, `_`); made from the title when absent. When replacing, absent or equal to the id in the URL.
api-schema-IncidentInput-kind = `arrest`, `detention`, `closure`, `ban`, `dissolution`, `deregistration`, `legislation`, `suspension`, `expulsion`, `tax_action`, `threat`, `statement`, `surveillance`, `harassment`, `exile` or `other`.
api-schema-IncidentInput-restricted-to = E-mail addresses of the members a restricted incident is shown to (absent: unchanged).
api-schema-IncidentInput-sensitivity = `public`, `case` or `restricted`. A new incident without it is `case` (the members of the case); a replaced one keeps what it had. Only an owner may make a restricted incident anything else.
api-schema-IncidentInput-sources = Ids of sources already in the case.
api-schema-IncidentInput-themes = Lower-case words; spaces become `_`.
api-schema-IncidentPage = One page of the timeline, newest first (or by relevance when `q` is given).
api-schema-IncidentPage-total = How many incidents match, over all pages.
api-schema-IncidentRecord = An incident's canonical JSON, as versioned and logged.
api-schema-IncidentRecord-restricted-to = For a restricted record: the members it is shown to; absent when nobody is named.
api-schema-IncidentRecord-sensitivity = `public` or `restricted`; absent for `case`, the default.
api-schema-IncidentVersion = One version of an incident.
api-schema-IncidentVersion-at = When it was written (UTC, `YYYY-MM-DDTHH:MM:SSZ`).
api-schema-IncidentVersion-by = Who wrote it.
api-schema-IncidentVersion-record = The incident as it was; null if this version removed it.
api-schema-IncidentVersion-version = From 1.
api-schema-LetterFollowThrough = A letter's follow-through.
api-schema-LetterFollowThrough-records = Its records, in the order they were written, and the follow-ups that cite it.
api-schema-LetterFollowThrough-requests = The mechanisms the letter asks for (it quotes their provision or lists their incidents).
api-schema-LetterLanguage = The letter in one language.
api-schema-LetterLanguage-addressees = The addressees as this language prints them (a version that writes none prints the original's), in the letter's order.
api-schema-LetterLanguage-cc = The CC lines as this language prints them, in order.
api-schema-LetterLanguage-lang = BCP 47 tag.
api-schema-LetterLanguage-original = The original (the letter's own fields) or a translation.
api-schema-LetterLanguage-out-of-date = The original's wording changed since this version was translated.
api-schema-LetterLanguage-signatories = Organisations printed under the letter in this language (verified signatures of its current text).
api-schema-LetterLanguage-signed-text-sha256 = SHA-256 of the text a signatory signs in this language; `null` when its body does not compose.
api-schema-LetterLanguage-translated-at = When (`YYYY-MM-DD`; a version only).
api-schema-LetterLanguage-translated-by = Who translated it (a version only).
api-schema-LetterLanguage-translates-recipients = Whether this version writes the addressees or CC in its own language (`false` for the original).
api-schema-LetterLanguages = A letter's languages: its original first, then each version.
api-schema-LetterLanguages-original = BCP 47 tag of the original.
api-schema-MechanismStatus = One mechanism: triggered or not, since when, and the findings that justify it.
api-schema-MechanismStatus-findings = Ids of the confirmed findings that trigger it, by date.
api-schema-MechanismStatus-requested-by = Names of the actors (groups listed by their members).
api-schema-MechanismStatus-since = `YYYY-MM-DD`: the earliest day of the earliest qualifying incident.
api-schema-MechanismStatus-since-incident = The id of the incident behind `since`.
api-schema-MechanismStatus-since-precision = How precisely the incident behind `since` is dated (`day`, `month`, `range`, ...).
api-schema-Observation = How far a provision had been implemented on a date.
api-schema-Observation-coded-by = Who coded it.
api-schema-Observation-date = The date it describes: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a yearly code describes where things stood at the end of that year).
api-schema-Observation-score = On the Peace Accords Matrix scale: 0 (not implemented), 1 (minimal), 2 (intermediate), 3 (full implementation).
api-schema-Observation-score-label = `not implemented`, `minimal`, `intermediate` or `full`.
api-schema-Observation-status = `draft`, `confirmed` or `retracted`; only confirmed observations are a provision's status.
api-schema-ObservationInput = A new observation; it is recorded as a draft, for a reviewer to confirm.
api-schema-ObservationInput-coded-by = Who coded it; the caller when absent.
api-schema-ObservationInput-date = The date it describes: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; not after today, not before the instrument's date.
api-schema-ObservationInput-score = 0, 1, 2 or 3.
api-schema-ObservationInput-sources = Ids of sources of the case.
api-schema-ObservationSummary = An implementation observation, as a provision's status shows it.
api-schema-ObservationSummary-date = The date it describes: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
api-schema-ObservationSummary-id = The observation's id.
api-schema-OriginalLanguage = The language a record was written in, or (kind `case`, the case's id) the language the case's records are written in.
api-schema-OriginalLanguage-id = The record's id; a provision's is its citation; the case's own id with kind `case`.
api-schema-OriginalLanguage-kind = `case`, `instrument`, `provision`, `actor`, `source`, `incident` or `mechanism`.
api-schema-OriginalLanguage-lang = BCP 47 tag of a known language (`km`, `fr`, `en`, `fr-CA`).
api-schema-PartyOutcome = What one addressee (or a party responsible for a mechanism the letter asks for) did.
api-schema-PartyOutcome-addressed = Whether the letter was addressed to them.
api-schema-PartyOutcome-delivered = The day of the latest delivery to them.
api-schema-PartyOutcome-outcome = `acted`, `acknowledged`, `declined` or `no_response`.
api-schema-PartyOutcome-party = The addressee's actor id, or its name as printed.
api-schema-PartyOutcome-responded = The day of their latest response.
api-schema-Permissions = What the caller may do in a case.
api-schema-Permissions-edit = Record and edit incidents, add draft findings.
api-schema-Permissions-manage = Manage members and publication.
api-schema-Permissions-review = Confirm or retract findings.
api-schema-Provision = A citable provision.
api-schema-Provision-as-of = `YYYY-MM-DD`: present when `status` and `findings` are as of that day (`?as_of=`).
api-schema-Provision-citation = The canonical citation (`FPA Art. 3(1)`); also the provision's id in URLs.
api-schema-Provision-findings = Ids of the confirmed findings on it or its sub-divisions.
api-schema-Provision-instrument = The instrument's id (`FPA`).
api-schema-Provision-observation = The latest confirmed observation of its implementation, or null (as of `as_of` when given).
api-schema-Provision-status = Under the confirmed findings: `violated`, `threatened`, `concern` or `none`.
api-schema-Provision-text = The text in the instrument's working language; null when it is missing.
api-schema-Provision-text-source = Where the text comes from.
api-schema-Provision-text-status = How far the text can be trusted: `verified`, `unverified`, `translation`, `quoted`, `missing`.
api-schema-ProvisionStatus = One provision's state.
api-schema-ProvisionStatus-findings = Ids of the confirmed findings about it or its sub-divisions.
api-schema-ProvisionStatus-observation = The latest confirmed observation of its implementation (of this provision itself), or null; as of `as_of` when the status is.
api-schema-ProvisionStatus-status = `violated`, `threatened`, `concern` or `none`.
api-schema-Received = What the server recorded for an uploaded file.
api-schema-Received-id = The evidence item's id.
api-schema-Received-media-type = Sniffed from the content.
api-schema-Received-sha256 = SHA-256 of the bytes received (what `sha256sum` prints for the file).
api-schema-Received-size = Bytes received.
api-schema-RecordLanguagesView = One record's languages.
api-schema-RecordLanguagesView-id = The record's id; a provision's is its citation (`FPA Art. 3(1)`).
api-schema-RecordLanguagesView-original = The language the record was written in.
api-schema-RemovalInput = A record's translation to remove.
api-schema-RemovalInput-lang = BCP 47 tag of the translation to remove.
api-schema-Source = Where a statement or a fact comes from: a report, an article, a law gazette.
api-schema-Source-accessed = When the URL was last read (`YYYY-MM-DD`).
api-schema-Source-date = As recorded: a day, a month, a year or a range.
api-schema-Source-restricted-to = For a restricted source: the members (by e-mail address) it is shown to, besides owners.
api-schema-Source-sensitivity = Who may see the source: `public`, `case` or `restricted`.
api-schema-SourceInput = A source to add.
api-schema-SourceInput-date = `2030-02-14`, `2030-03`, `2030`, `2030-01..2030-06`.
api-schema-SourceInput-id = Its id (letters, digits, `-`, `_`); made from the title when absent. An id the case has already is refused with 409.
api-schema-SourceInput-restricted-to = E-mail addresses of the members a restricted source is shown to.
api-schema-SourceInput-sensitivity = `public`, `case` (the default: the members of the case) or `restricted` (the members named in `restricted_to`, and the case's owners).
api-schema-SourceInput-url = An `http://` or `https://` address.
api-schema-SourceRecord = A source's canonical JSON, as versioned and logged.
api-schema-SourceVersion = One version of a source.
api-schema-SourceVersion-record = The source as it was; null if this version removed it.
api-schema-Translation = A provision's text in another language.
api-schema-Translation-lang = BCP 47 language tag.
api-schema-TranslationInput = One language's translation of a record; the fields given replace those the translation into that language has, the others stay.
api-schema-TranslationInput-by = Who translated it; the caller when absent.
api-schema-TranslationInput-fields = Field name → translated text, none empty.
api-schema-TranslationInput-lang = BCP 47 tag (`km`, `fr`, `fr-CA`); not the record's original language.
api-schema-TranslationView = A record in one language other than its original.
api-schema-TranslationView-at = When (`YYYY-MM-DD`).
api-schema-TranslationView-by = Who translated it.
api-schema-TranslationView-fields = The translated fields: `title`, `summary`, `place`, `name`, `heading`, `text`, `notes`, `note` or `action`, as the record's kind has them.
api-schema-TranslationView-original-sha256 = SHA-256 (hex) of the original text each field was translated from, when known.
api-schema-TranslationView-out-of-date = The fields whose original changed since they were translated.
api-schema-VersionInput = A letter's wording in one language, as a translator writes it.
api-schema-VersionInput-addressees = The original's addressees in this language, in the original's order (at most as many); absent or empty: the version prints the original's.
api-schema-VersionInput-body = The body template: Markdown with the letter's template functions.
api-schema-VersionInput-cc = The original's CC lines in this language, in order (at most as many); absent or empty: the original's.
api-get-case-resp-200 = The case
api-list-actors-resp-200 = The actors
api-get-actor-param-actor = Actor id
api-get-actor-resp-200 = The actor
api-get-actor-resp-404 = No such case or actor, or the caller may not see the case
api-list-awaiting-param-as-of = A day (YYYY-MM-DD); today when absent
api-list-awaiting-resp-200 = The deadlines passed without a response
api-list-awaiting-resp-422 = `as_of` is not a day
api-get-evidence-resp-200 = The item
api-add-custody-event-resp-201 = Recorded; the item with its chain of custody
api-add-custody-event-resp-422 = The event is not valid; `field` names the problem
api-download-evidence-resp-200 = The file, byte for byte; `X-Evidence-SHA256` is its hash
api-list-findings-param-status = Only findings with this status (`draft`, `confirmed`, `retracted`).
api-list-findings-param-incident = Only findings that name this incident.
api-list-findings-resp-200 = The findings
api-create-finding-resp-201-location = The new finding's URL
api-create-finding-resp-422 = The finding is not valid; `field` names the first problem
api-get-finding-resp-200 = The finding
api-set-finding-status-resp-200 = The finding as reviewed
api-set-finding-status-resp-403 = The caller's role may not review findings
api-set-finding-status-resp-422 = The status is not valid
api-list-incidents-param-q = Full-text search in titles, summaries and places (Latin and Khmer).
api-list-incidents-param-kind = An incident kind (`arrest`, `closure`, ...).
api-list-incidents-param-actor = An actor id.
api-list-incidents-param-theme = A theme (`association`, `expression`, ...).
api-list-incidents-param-verdict = Only incidents behind a confirmed finding with this verdict (`violation`, `threat_of_violation`, `concern`).
api-list-incidents-param-from = Incidents that may have happened on or after this day (`YYYY-MM-DD`).
api-list-incidents-param-to = Incidents that may have happened on or before this day (`YYYY-MM-DD`).
api-list-incidents-param-page = The page, from 1.
api-list-incidents-param-per-page = Incidents per page (default 50, at most 200).
api-list-incidents-resp-200 = One page of matching incidents
api-list-incidents-resp-400 = Full-text search is not available on this server
api-create-incident-resp-201 = Created; `Location` is its URL
api-create-incident-resp-201-location = The new incident's URL
api-create-incident-resp-422 = The incident is not valid; `field` names the first problem
api-get-incident-resp-200 = The incident
api-update-incident-resp-200 = Saved
api-upload-evidence-param-file-name = The file's name (only its last component is kept). Required.
api-upload-evidence-param-id = An id for the item; made from the file name when absent.
api-upload-evidence-param-source = The id of a source of the case this file is a copy of.
api-upload-evidence-param-captured-at = When it was captured (UTC, `YYYY-MM-DDTHH:MM:SSZ`).
api-upload-evidence-param-captured-by = Who captured it.
api-upload-evidence-param-source-url = Where the original was found (`http://` or `https://`).
api-upload-evidence-param-method = How it was obtained: download, screenshot, handed over by a witness, ...
api-upload-evidence-param-tool = The tool or device used.
api-upload-evidence-param-place = Where it was captured.
api-upload-evidence-param-derived-from = For a working copy: the id of the original item (which is not changed, and records `derived`).
api-upload-evidence-param-what = For a working copy: what was done to the original (required with `derived_from`).
api-upload-evidence-body = The file, byte for byte
api-upload-evidence-resp-201 = Received; `Location` is the item's URL
api-upload-evidence-resp-201-location = The new item's URL
api-upload-evidence-resp-400 = The upload stopped before its end; nothing was kept
api-upload-evidence-resp-409 = The case has an item with this id already
api-upload-evidence-resp-413 = The file is larger than the server's upload limit
api-upload-evidence-resp-422 = A query parameter is not valid; `field` names it
api-get-follow-through-resp-200 = The letter's follow-through
api-create-follow-through-resp-201 = Recorded
api-create-follow-through-resp-409 = A record with this id exists
api-create-follow-through-resp-422 = The record is not valid (a response from someone the letter was not addressed to, a date before the letter or after today, a follow-up citing a letter of another case, ...); `field` names the first problem and nothing is written
api-get-letter-versions-resp-200 = The letter's languages
api-delete-letter-version-param-lang = BCP 47 tag of the version (not the original's)
api-delete-letter-version-resp-200 = The version was removed: the letter's remaining languages
api-delete-letter-version-resp-403 = The caller does not coordinate the case's letters
api-delete-letter-version-resp-404 = No such case, letter or version, or the caller may not see the case
api-delete-letter-version-resp-422 = The original's language, or a version organisations signed (and did not withdraw from); `field` is `lang` and nothing is written
api-put-letter-version-resp-200 = The version was added or changed: the letter in that language
api-put-letter-version-resp-422 = The version is not valid (the original's language, not a language tag, an empty title or body, a body that does not compose, more addressees or CC lines than the original, an addressee without a name); `field` names it and nothing is written
api-list-observations-param-provision = Only observations of this provision (its canonical citation).
api-list-observations-param-status = Only observations with this status (`draft`, `confirmed`, `retracted`).
api-list-observations-resp-200 = The observations (confirmed ones only for readers who are not members of the case)
api-create-observation-resp-201-location = The new observation's URL
api-create-observation-resp-422 = The observation is not valid (a score outside 0-3, a date after today or before the instrument, an unknown provision or source); `field` names the first problem
api-get-observation-resp-200 = The observation
api-get-observation-resp-404 = No such case or observation, or the caller may not see it
api-set-observation-status-resp-200 = The observation as reviewed
api-set-observation-status-resp-403 = The caller's role may not review, or the caller coded or recorded it
api-set-observation-status-resp-404 = No such case or observation, or the caller may not see the case
api-list-provisions-param-as-of = `YYYY-MM-DD`: each provision's status as it stood on that day, from the incidents that may have happened by then and the findings on them
api-list-provisions-resp-200 = The provisions
api-get-provision-param-citation = Canonical citation, URL-encoded
api-get-provision-resp-200 = The provision
api-get-provision-resp-404 = No such case or provision, or the caller may not see the case
api-list-sources-resp-200 = The sources
api-create-source-resp-201 = Added; `Location` is its URL
api-create-source-resp-201-location = The new source's URL
api-create-source-resp-409 = The case has a source with this id already
api-create-source-resp-422 = The source is not valid; `field` names the problem
api-get-source-resp-200 = The source
api-get-case-status-param-as-of = `YYYY-MM-DD`: the status as it stood on that day, from the incidents that may have happened by then (an incident counts from the first day it may have happened) and the findings on them
api-get-case-status-resp-200 = The case's trigger status
api-remove-translation-resp-200 = The record's languages as stored after the removal
api-remove-translation-resp-404 = No such case or record, no translation into that language, or the caller may not see it
api-remove-translation-resp-422 = An unknown kind; `field` names it
api-list-translations-resp-200 = The case's language and its records' translations
api-translate-record-resp-200 = The record's languages as stored
api-translate-record-resp-404 = No such case or record, or the caller may not see it
api-translate-record-resp-422 = The translation is not valid (a malformed language tag or the record's original language, a field the kind does not translate, an empty text, a restricted record); `field` names the first problem
api-set-original-language-resp-200 = The language as it now stands
api-set-original-language-resp-403 = The caller's role may not edit the case (or, for the case's own language, manage it)
api-set-original-language-resp-422 = An unknown kind, a malformed tag or one naming no known language, or a language the record already has a translation into; `field` names it
api-tag-translations = Records in several languages: each record's original language, its translations (who, when), and which are out of date
