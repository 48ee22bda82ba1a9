# L'interface d'Accord en français. Mêmes messages que en.ftl, ni plus ni moins (testé).
# Traduction de l'équipe ; les relectures de francophones sont les bienvenues (README, « Langues »).

## Toutes les pages (base.html)

site-name = Accord
skip-to-content = Aller au contenu
nav-account = Compte
sign-in = Se connecter
sign-out = Se déconnecter
language-switch = Langue
language-choose = Afficher dans cette langue

## Page d'erreur et messages d'erreur de l'API

error-title-400 = Requête incorrecte
error-title-401 = Connexion
error-title-403 = Non autorisé
error-title-404 = Introuvable
error-title-409 = Existe déjà
error-title-413 = Fichier trop volumineux
error-title-422 = Veuillez corriger le formulaire
error-title-429 = Trop de tentatives
error-title-500 = Erreur du serveur
error-title-503 = Indisponible
error-not-found = Il n'y a rien ici, ou vous n'avez pas le droit de le voir.
error-sign-in = Connectez-vous pour continuer.
error-internal = Une erreur s'est produite de notre côté. Elle a été consignée.
error-too-many = Trop de tentatives ; réessayez dans { $seconds ->
    [one] { $seconds } seconde
   *[other] { $seconds } secondes
}.
error-too-large = Le fichier dépasse la taille maximale de { $limit } octets.
error-detail = Détail (en anglais) : { $detail }
error-back = Retour aux dossiers

## Navigation d'un dossier (case_nav.html)

nav-cases = Dossiers
nav-case = Dossier
nav-dashboard = Tableau de bord
nav-timeline = Chronologie
nav-provisions = Dispositions
nav-elections = Élections
nav-letters = Lettres
nav-new-incident = Nouvel incident
nav-members = Membres
badge-private = privé
badge-published = publié

## Liste des dossiers (cases.html)

cases-title = Dossiers
cases-col-case = Dossier
cases-col-country = Pays
cases-col-access = Votre accès
cases-none = Il n'y a aucun dossier que vous puissiez voir
cases-none-sign-in = connectez-vous pour voir vos dossiers
access-public = publié (lecture seule)
access-admin = administrateur

## Connexion (login.html)

login-title = Connexion
login-email = Courriel
login-password = Mot de passe
login-submit = Se connecter
login-wrong = L'adresse électronique ou le mot de passe est incorrect.
login-busy = Le serveur est occupé. Réessayez dans un instant.
login-too-many = Trop de tentatives échouées. Réessayez dans { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}.

login-too-many-seconds = Trop de tentatives échouées. Réessayez dans { $seconds ->
    [one] { $seconds } seconde
   *[other] { $seconds } secondes
}.

## Compte (account.html)

account-title = Votre compte
account-signed-in-as = Connecté en tant que { $email }.
account-signed-in-as-admin = Connecté en tant que { $email } (administrateur).
account-naming-heading = Comment vous êtes nommé dans les dossiers publiés
account-naming-text = Les lecteurs qui ne sont pas membres d'un dossier ne voient jamais votre adresse électronique. Dans un dossier publié, ce que vous avez rédigé ou relu vous est attribué comme vous le choisissez ici ; les membres du dossier voient votre adresse.
account-display-name = Nom affiché
account-organisation = Organisation
account-named-by = Nommé par
account-named-role = mon seul rôle dans le dossier (« un rédacteur du dossier »)
account-named-organisation = mon organisation
account-named-name = mon nom affiché
account-save = Enregistrer
account-sessions-heading = Sessions
account-sessions-text = Là où vous êtes connecté. Une session prend fin après { $hours ->
    [one] { $hours } heure
   *[other] { $hours } heures
} sans utilisation, et dans tous les cas après deux semaines.
account-col-started = Ouverte le
account-col-last-used = Dernière utilisation
account-col-from = Depuis
account-unknown = inconnu
account-this-session = cette session
account-sign-out-everywhere = Se déconnecter partout
account-password-heading = Mot de passe
account-password-text = Changer de mot de passe met fin à vos autres sessions.
account-current-password = Mot de passe actuel
account-new-password = Nouveau mot de passe (au moins 10 caractères)
account-new-password-again = Nouveau mot de passe, une seconde fois
account-change-password = Changer le mot de passe
account-password-changed = Votre mot de passe a été changé ; vos autres sessions ont pris fin.
account-password-wrong = Le mot de passe actuel est incorrect.
account-password-short = Le nouveau mot de passe doit compter au moins { $min } caractères.
account-password-long = Le nouveau mot de passe doit compter au plus { $max } caractères.
account-password-differ = Les deux nouveaux mots de passe diffèrent.
account-tokens-heading = Jetons d'API
account-tokens-text = Utilisez un jeton avec l'API JSON : { $header }. L'API est décrite à l'adresse { $url }.
account-new-token = Votre nouveau jeton (affiché une seule fois) :
account-col-name = Nom
account-col-scope = Portée
account-col-created = Créé le
account-col-expires = Expire le
account-scope-read = lecture seule
account-scope-write = lecture et écriture
account-expired = expiré
account-never = jamais
account-revoke = Révoquer
account-token-name = Nom du jeton
account-token-name-example = p. ex. script de l'ordinateur portable
account-token-expiry = Expire après (jours ; vide : jamais)
account-token-read-only = Lecture seule (le jeton peut lire, jamais rien modifier)
account-create-token = Créer un jeton

## Membres (members.html)

members-title = Membres et publication
members-publication = Publication
members-published = Ce dossier est publié : tout le monde peut le lire (en lecture seule).
members-private = Ce dossier est privé : seuls ses membres le voient.
members-make-private = Rendre privé
members-publish = Publier une version en lecture seule
members-review = Relecture
members-self-review-on = L'auteur d'une constatation peut la confirmer (l'auto-relecture est permise dans ce dossier).
members-self-review-off = Une constatation est confirmée par une autre personne que son auteur.
members-require-reviewer = Exiger un autre relecteur
members-allow-self-review = Permettre aux auteurs de confirmer leurs propres constatations
members-heading = Membres
members-col-email = Courriel
members-col-role = Rôle
members-col-actions = Actions
members-remove = Retirer
members-none = Aucun membre pour l'instant.
members-add-heading = Ajouter ou modifier un membre
members-email = Courriel d'un compte existant
members-role = Rôle
members-save = Enregistrer
members-now-role = { $email } est désormais { $role } de ce dossier.
members-no-longer = { $email } n'est plus membre.
members-no-account = courriel : aucun compte n'utilise « { $email } » ; créez-le d'abord (accord user add)
members-choose-role = rôle : choisissez un rôle

## Chronologie (timeline.html)

timeline-title = Chronologie
timeline-search = Rechercher
timeline-search-placeholder = Des mots dans n'importe quelle langue
timeline-kind = Type
timeline-any = Tous
timeline-actor = Acteur
timeline-theme = Droit / thème
timeline-verdict = Qualification
timeline-from = Du
timeline-to = Au
timeline-filter = Filtrer
timeline-clear = Effacer
timeline-incidents = { $total ->
    [one] incident
   *[other] incidents
}
timeline-shown = { $first } à { $last } affichés
timeline-pages = Pages
timeline-newer = ← Plus récents
timeline-older = Plus anciens →
timeline-page = Page { $page } sur { $pages }
timeline-download = Télécharger ces incidents (CSV)
timeline-download-uwazi = CSV pour Uwazi
timeline-import = Importer un tableau

## Tableau de bord (dashboard.html)

dash-as-of = État au
dash-show = Afficher
dash-today = Aujourd'hui
dash-as-of-notice = L'état tel qu'il était le { $day } : seuls les incidents qui ont pu se produire jusque-là (un incident compte à partir du premier jour où il a pu se produire) et les constatations qui les concernent.
dash-mechanisms = Mécanismes
dash-awaiting = Lettres en attente d'une réponse au-delà de leur échéance
dash-triggered = Déclenché
dash-since-by = depuis le { $since }, par { $count ->
    [one] { $count } constatation confirmée
   *[other] { $count } constatations confirmées
}.
dash-asked = Demandé pour la dernière fois le { $date } ({ $ago }) dans
dash-asked-latest-of = , la dernière de { $count } lettres
dash-latest-response = dernière réponse : { $from }, { $date } ({ $ago }),
dash-no-response = aucune réponse enregistrée.
dash-not-asked = Demandé dans aucune lettre de ce dossier pour l'instant.
dash-not-triggered = Non déclenché
dash-requested-by = Demandé par
dash-must-act = Doit agir
dash-consult = Consulter
dash-action = Action
dash-chain = La chaîne : constatations → incidents → sources
dash-more = { $count ->
    [one] { $count } autre constatation
   *[other] { $count } autres constatations
} : toute la chaîne
dash-no-mechanisms = Ce dossier n'a aucun mécanisme.
dash-over-time = Au fil du temps
dash-over-time-as-of = Au fil du temps, au { $day }
dash-timeline-caption = Mécanismes déclenchés, lettres envoyées et réponses reçues.
dash-as-table = Les mêmes données en tableau
dash-col-date = Date
dash-col-what = Quoi
dash-nothing-yet = Rien pour l'instant.
dash-findings-caption-year = Constatations confirmées par année de leur premier incident, par qualification.
dash-findings-caption-month = Constatations confirmées par mois de leur premier incident, par qualification.
dash-col-year = Année
dash-col-month = Mois
dash-col-total = Total
dash-no-finding = Aucune constatation confirmée.
dash-col-provision = Disposition
dash-col-status = État
dash-col-confirmed = Constatations confirmées
dash-col-implementation = Mise en œuvre
dash-latest = Derniers incidents
dash-by-day = au { $day }
dash-in-all = au total

## États des dispositions et niveaux de mise en œuvre (Peace Accords Matrix)

state-violated = violée
state-threatened = menacée
state-concern = préoccupation
state-none = aucun
score-0 = non mise en œuvre
score-1 = minimale
score-2 = intermédiaire
score-3 = complète

## Dispositions (provisions.html)

prov-as-of-notice = Tel que c'était le { $day } : les incidents qui ont pu se produire jusque-là et les constatations qui les concernent.
prov-none = Aucune disposition enregistrée.
instrument-kind-agreement = accord
instrument-kind-annex = annexe
instrument-kind-covenant = pacte
instrument-kind-constitution = constitution
instrument-kind-law = loi
instrument-kind-declaration = déclaration
instrument-kind-other = autre

## Pages de signature pour les signataires (letters/sign.html, sign_status.html, withdraw.html)

sign-title = Signer : { $title }
sign-invited = Vous êtes invité à cosigner cette lettre. Lisez-la ci-dessous ; le texte que vous signez est exactement celui-ci.
sign-exact-text = Le texte exact signé, et son SHA-256
sign-sha-note = (le SHA-256 de ce texte, tel que sha256sum le calcule).
sign-or-decline = Signer ou refuser
sign-representative = Votre nom (vous signez pour l'organisation)
sign-organisation = Le nom de l'organisation, tel qu'il doit être imprimé
sign-url = Le site web de l'organisation (facultatif)
sign-submit = Signer la lettre
sign-decline = Refuser
sign-note = Le coordinateur vérifie chaque signature avant que le nom n'apparaisse sous la lettre. Après avoir signé, vous recevez un lien pour retirer la signature plus tard.
sign-keep-link = Gardez ce lien : il retire la signature si votre organisation change d'avis. Il n'est affiché que maintenant.
sign-withdraw-link = Lien de retrait
sign-open = ouvrir
sign-unknown-title = Lien inconnu
sign-unknown = Ce lien n'a pas été créé par Accord, ou il a été copié incomplètement. Vérifiez le lien dans le message que vous avez reçu, ou demandez-en un nouveau au coordinateur de la lettre.
sign-used-title = Ce lien a déjà servi
sign-used-signed = Votre organisation a signé la lettre avec ce lien le { $when }. Il n'y a rien d'autre à faire ; signer à nouveau ne change rien.
sign-used-declined = Votre organisation a refusé de signer avec ce lien le { $when }. Pour signer finalement, demandez un nouveau lien au coordinateur.
sign-used-withdrawn = La signature a été retirée avec ce lien le { $when }.
sign-used-replaced = Le coordinateur a envoyé un lien plus récent le { $when } ; utilisez celui-là.
sign-expired-title = Ce lien a expiré
sign-expired = Le lien a expiré le { $when }. Demandez-en un nouveau au coordinateur de la lettre.
sign-wrong-title = Mauvais type de lien
sign-wrong-sign = Ce lien sert à signer ou à refuser, non à retirer une signature.
sign-wrong-withdraw = Ce lien sert à retirer une signature, non à signer.
sign-declined-title = Vous avez refusé de signer
sign-declined = Merci de votre réponse. Le coordinateur de la lettre peut la voir.
sign-thanks-title = Merci d'avoir signé
sign-thanks = { $organisation } a signé la lettre. Le coordinateur vérifiera la signature avant que le nom n'apparaisse sous la lettre.
withdraw-title = Retirer une signature
withdraw-text = { $organisation } a signé « { $title } ». Retirer la signature ôte le nom de la lettre publiée ; ce lien ne permet pas de revenir en arrière.
withdraw-submit = Retirer la signature
withdrawn-title = Signature retirée
withdrawn = { $organisation } ne signe plus la lettre ; son nom est ôté de la lettre publiée.

## Lettres (letters/list.html, show.html, link.html, signatories.html)

letters-col-date = Date
letters-col-letter = Lettre
letters-col-language = Langue
letters-col-printed = Signataires imprimés
letters-col-coordinate = Coordonner
letters-printed-of = { $printed } sur { $total }
letters-edit = Modifier
letters-history = Historique
letters-signatories = Signataires
letters-none = Ce dossier n'a encore aucune lettre.
letters-new = Nouvelle lettre
letters-after = après la lettre
letters-follow-through = Après la lettre : remises, réponses, échéances
letters-download = Télécharger :
letters-printed = { $printed ->
    [one] { $printed } signataire vérifié
   *[other] { $printed } signataires vérifiés
} de ce texte
letters-pending = ; { $pending } non imprimés (invités, en attente de vérification, refus, retraits ou signatures d'une version antérieure)
letters-sha = . SHA-256 du texte signé :
link-title = Lien de signature pour { $organisation }
link-send = Envoyez ce lien à { $organisation }. Il n'est affiché que maintenant : Accord en garde une empreinte, pas le lien. Il sert une fois, pendant { $days ->
    [one] { $days } jour
   *[other] { $days } jours
}.
link-label = Lien de signature
link-no-base = Seul le chemin du lien est affiché : l'administrateur n'a pas configuré l'adresse de ce site (base_url, ACCORD_BASE_URL ou --base-url), et Accord ne la déduit jamais de la requête.
link-back = Retour aux signataires
signatories-title = Signataires : { $title }
signatories-printed = { $printed } imprimés sous la lettre
signatories-sha = SHA-256 du texte actuel :
signatories-col-organisation = Organisation
signatories-col-state = État
signatories-col-invitation = Invitation
signatories-col-actions = Actions
signatories-signed-by = signé par { $name }
signatories-invited = invité sous le nom { $name } ({ $contact }) le { $at }
signatories-verified-by = ; vérifié par { $who }
signatories-from-bundle = depuis le dossier importé
signatories-verify = Vérifier
signatories-new-link = Nouveau lien de signature
signatories-invite = Inviter une organisation
signatories-organisation = Organisation
signatories-country = Pays (deux lettres)
signatories-contact = Contact (jamais publié)
signatories-days = Lien valable (jours)
signatories-submit = Inviter et créer un lien
signatories-note = Le lien n'est affiché qu'une fois, sur la page suivante : envoyez-le à l'organisation. Accord n'en garde qu'une empreinte.
signon-invited = invité
signon-signed = signé
signon-signed-earlier = signé sur une version antérieure
signon-declined = refusé
signon-withdrawn = retiré
signon-verified = vérifié


## Rédiger une lettre (letters/compose.html)

compose-edit = Modifier la lettre
compose-id = Identifiant de la lettre
compose-id-example = p. ex. 2030-07-appel
compose-id-help = Lettres, chiffres, points, tirets ; il fait partie de l'adresse de la lettre.
compose-language-example = en, km, fr
compose-addressees = Destinataires
compose-addressees-help = Un par ligne : nom | titre | organisation | rôle (par exemple « coprésident »).
compose-body = Corps
compose-help-quote = cite une disposition mot pour mot,
compose-help-cite = ajoute une note numérotée citant une source,
compose-help-footnote = une note au texte libre,
compose-help-incidents = énumère les incidents qui la fondent.
compose-closing = Formule de politesse
compose-closing-example = Veuillez agréer, Excellence, l'expression de notre haute considération.
compose-order = Les signataires sont imprimés
compose-order-alpha = par ordre alphabétique
compose-order-manual = dans l'ordre fixé pour chacun
compose-cc = Copie
compose-cc-help = Un par ligne, dans l'ordre.
compose-preview = Aperçu
compose-outdated = Enregistrer ce texte change ce qui a été signé : { $count ->
    [one] { $count } signature apparaîtra
   *[other] { $count } signatures apparaîtront
} comme « signée sur une version antérieure » jusqu'à ce que les organisations signent à nouveau.
compose-sha = SHA-256 du texte à signer :
compose-no-preview = Pas d'aperçu : corrigez les erreurs ci-dessus.

## Incident (incident.html)

incident-date = Date
incident-kind = Type
incident-place = Lieu
incident-themes = Droits / thèmes
incident-actors = Acteurs
incident-edit = Modifier cet incident
incident-add-finding = Ajouter une constatation
incident-history = Historique
incident-sources = Sources
incident-link = lien
incident-source-history = historique
incident-no-source = Aucune source enregistrée.
incident-evidence = Éléments de preuve
incident-working-copy-of = copie de travail de
incident-named-by-hash = (désigné par son empreinte ; aucun fichier conservé)
incident-no-evidence = Aucun fichier de preuve pour l'instant.
incident-upload = Téléverser un fichier
incident-upload-text = Le fichier est conservé tel qu'envoyé et son SHA-256 est calculé à la réception ; { $limit } au plus. Indiquez comment il a été recueilli : un tribunal le demandera.
incident-captured-at = Recueilli le (UTC)
incident-captured-by = Recueilli par
incident-found-at = Trouvé à (adresse d'origine)
incident-method = Comment il a été obtenu
incident-method-example = téléchargement, capture d'écran, remis par un témoin, ...
incident-tool = Outil ou appareil
incident-where = Où
incident-note = Note
incident-file = Fichier
incident-upload-submit = Téléverser
incident-findings = Constatations
incident-finding-of = de
incident-finding-by = Par { $who }.
incident-finding-reviewed-by = Relu par { $who }.
incident-changed-since = Cet incident a changé après la confirmation de la constatation ({ $confirmed }) : { $versions ->
    [one] { $versions } version ultérieure
   *[other] { $versions } versions ultérieures
}, la dernière le { $last } par { $by }.
incident-see-changes = Voir ce qui a changé
incident-confirm = Confirmer
incident-retract = Retirer
incident-no-finding = Aucune constatation ne qualifie encore cet incident.
incident-saved = Enregistré.

## Formulaire d'incident (incident_form.html)

form-new-incident = Nouvel incident
form-edit-incident = Modifier l'incident
form-correct = Veuillez corriger :
form-required = ne doit pas être vide
form-title = Titre
form-date = Date
form-date-help = 2017-09-03 (un jour), 2017-09 (un mois), 2017 (une année), 2017-09-01..2017-09-14 (une période) ou 2017-07.. (en cours).
form-kind = Type
form-place = Lieu
form-summary = Résumé
form-themes = Droits / thèmes (séparés par des virgules)
form-actors = Acteurs
form-actor = Acteur
form-role = Rôle
form-sources = Sources
form-existing-sources = Sources existantes
form-sources-hint = La liste montre les sources de cet incident et les { $shown } plus récentes des { $total } du dossier ; désignez toute autre par son identifiant ci-dessous.
form-source-ids = Autres sources, par identifiant (séparés par des virgules)
form-new-source = Ou ajoutez une nouvelle source
form-source-title = Titre
form-source-authors = Auteurs (séparés par des virgules)
form-source-publisher = Éditeur
form-source-date = Date
form-source-url = Adresse (URL)
form-save-incident = Enregistrer l'incident
form-field-form = Formulaire
form-field-new-source-title = Titre de la nouvelle source
form-field-new-source-date = Date de la nouvelle source

## Formulaire de constatation (finding_form.html)

finding-new = Nouvelle constatation
finding-incidents = Incident(s)
finding-provision = Disposition (référence)
finding-provision-example = p. ex. ICCPR Art. 22
finding-provision-help = Saisissez une référence ; la liste propose les dispositions de ce dossier.
finding-verdict = Qualification
finding-rationale = Motivation
finding-submit = Ajouter la constatation (brouillon)
finding-draft-note = Une nouvelle constatation reste un brouillon jusqu'à sa confirmation par un relecteur ; seules les constatations confirmées déclenchent des mécanismes.
suggestions-label = Dispositions correspondantes
suggestions-none = Aucune disposition de ce dossier ne correspond à « { $q } ».

## Acteur (actor.html)

actor-kind = Type
actor-aliases = Également connu sous le nom de
actor-country = Pays
actor-members = Membres
actor-incidents = Incidents
actor-count = { $total ->
    [one] { $total } incident implique cet acteur.
   *[other] { $total } incidents impliquent cet acteur.
}
actor-on-timeline = Les voir dans la chronologie
actor-history = Historique

## Élément de preuve (evidence.html)

evidence-title = Élément de preuve : { $file }
evidence-size = Taille
evidence-bytes = { $size ->
    [one] { $size } octet
   *[other] { $size } octets
}
evidence-type = Type
evidence-type-note = (d'après le contenu, non le nom)
evidence-item-id = Identifiant
evidence-incident = Incident
evidence-source = Source
evidence-note = Note
evidence-history = historique
evidence-download = Télécharger l'original
evidence-download-note = (chaque téléchargement est consigné ci-dessous)
evidence-check-copy = Pour vérifier une copie : { $command } doit afficher le SHA-256 ci-dessus.
evidence-capture = Recueil
evidence-when = Quand
evidence-by = Par
evidence-found-at = Trouvé à
evidence-how = Comment
evidence-tool = Outil ou appareil
evidence-where = Où
evidence-no-capture = Aucune information de recueil n'a été donnée.
evidence-copies = Original et copies de travail
evidence-copy-of = Ceci est une copie de travail de l'original ci-dessous : { $what }. L'original est conservé sans modification.
evidence-original = Ceci est un original : ses octets sont conservés tels que reçus.
evidence-no-copy = Aucune copie de travail.
evidence-add-copy = Ajouter une copie de travail (une version caviardée, une transcription, un extrait)
evidence-add-copy-text = La copie devient un élément à part entière qui désigne celui-ci comme son original ; ce fichier n'est pas modifié. { $limit } au plus.
evidence-what-done = Ce qui a été fait
evidence-what-done-example = visages floutés ; transcription de 00:00 à 03:10 ; ...
evidence-file = Fichier
evidence-upload-copy = Téléverser la copie de travail
evidence-custody = Chaîne de conservation
evidence-col-when = Quand (UTC)
evidence-col-what = Quoi
evidence-col-who = Qui
evidence-col-note = Note
evidence-check-now = Vérifier maintenant le fichier conservé
evidence-check-note = (le relit et compare son SHA-256 ; une concordance est consignée comme vérifiée)
evidence-record-heading = Consigner ce qui en a été fait
evidence-record-what = Quoi
evidence-record-note = Note (à qui, où, comment)
evidence-record = Consigner
evidence-saved = Le fichier a été reçu et son SHA-256 enregistré.
evidence-verified = Les octets conservés ont été relus : leur SHA-256 concorde. C'est désormais consigné dans la chaîne de conservation.
evidence-logged = Consigné dans la chaîne de conservation.
size-kb = { $size } ko
size-mb = { $size } Mo
size-gb = { $size } Go
size-tb = { $size } To

## Historique (history.html)

history-title = Historique : { $noun } { $id }
history-back = Retour : { $noun }
history-intro = Chaque version est conservée ; la plus récente est en tête. Chacune montre les champs modifiés par rapport à la précédente.
history-version = Version { $version }
history-created = création
history-removed = suppression
history-col-field = Champ
history-col-before = Avant
history-col-after = Après
history-no-change = Aucun champ n'a changé.
history-confirmed-against = Confirmée le { $at } sur la version { $version } de l'incident { $incident }.
history-incident-changed = L'incident a changé depuis : il en est à la version { $latest }.
noun-incident = incident
noun-source = source
noun-finding = constatation
noun-actor = acteur
noun-letter = lettre
noun-evidence = élément de preuve
noun-record = enregistrement

# --- S: search over every kind of record (search.html), history of instruments, provisions and mechanisms (issue 16 §2) ---
nav-search = Recherche
search-title = Recherche
search-text = Mots
search-kind = Type de fiche
search-every-kind = Tous les types
search-go = Rechercher
search-nothing = Aucun résultat.
search-incidents = { $total ->
    [one] { $total } incident
   *[other] { $total } incidents
}
search-records = { $total ->
    [one] { $total } acteur, source, instrument ou disposition
   *[other] { $total } acteurs, sources, instruments et dispositions
}
search-all-incidents = Voir les { $total } incidents trouvés
search-more-of = Tout voir d’un seul type :
search-previous = ← Précédents
search-next = Suivants →
noun-instrument = instrument
noun-provision = disposition
noun-mechanism = mécanisme
history-unversioned = Les instruments, les dispositions et les mécanismes sont fournis avec le dossier et n’ont pas de versions propres : cette page montre les versions de leurs traductions, de la plus récente à la plus ancienne.
history-no-translation = Aucune traduction n’a encore été écrite.
# The OpenAPI document's texts of /api/v1/cases/{id}/search (routes/api/search.rs), by operation id or schema
api-tag-search = Toutes les fiches d’un dossier, trouvées dans chacune de leurs langues
api-op-search-case = Rechercher les incidents, acteurs, sources, instruments, dispositions et mécanismes d’un dossier dans chacune de leurs langues.
api-search-case-param-q = Des mots et des « expressions entre guillemets » dans n’importe quelle langue (écriture latine ou khmère), qui doivent tous correspondre.
api-search-case-param-kind = Un seul type de fiche : `incident`, `actor`, `source`, `instrument`, `provision` ou `mechanism` ; sans lui, les 10 premiers résultats de chaque partie.
api-search-case-param-page = La page des résultats d’un type (50 par page), à partir de 1.
api-search-case-resp-200 = Ce que la recherche a trouvé
api-schema-SearchResults = Ce qu’une recherche a trouvé : les incidents et les autres fiches, chaque partie lorsque `kind` la demande.
api-schema-SearchResults-incidents = Les incidents trouvés (absent quand `kind` nomme un autre type).
api-schema-SearchResults-records = Les acteurs, sources, instruments, dispositions et mécanismes trouvés (absent quand `kind` vaut `incident`).
api-schema-SearchPart = Une partie des résultats d’une recherche.
api-schema-SearchPart-total = Combien de fiches de la partie correspondent, toutes pages confondues ; aucune que l’appelant n’a pas le droit de voir.
api-schema-SearchPart-hits = Les résultats de la page, les plus pertinents d’abord.
api-schema-SearchHit = Une fiche trouvée.
api-schema-SearchHit-kind = `incident`, `actor`, `source`, `instrument`, `provision` ou `mechanism`.
api-schema-SearchHit-id = L’identifiant de la fiche dans son dossier (pour une disposition, sa référence).
api-schema-SearchHit-href = La page web de la fiche.
api-schema-SearchHit-title = Son titre (le nom d’un acteur, la référence et l’intitulé d’une disposition) dans la langue de la requête si la fiche l’a, sinon l’original.
api-schema-SearchHit-lang = La langue de `title`.
api-schema-SearchHit-original = Si `title` est l’original (la langue demandée n’en a pas de traduction).
api-schema-SearchHit-out-of-date = Si `title` est une traduction dont l’original a changé depuis qu’elle a été faite.

## Précision des dates

precision-day = jour
precision-month = mois
precision-year = année
precision-range = période
precision-ongoing = en cours

## Vocabulaires fermés : types d'incident

kind-arrest = arrestation
kind-detention = détention
kind-closure = fermeture
kind-ban = interdiction
kind-dissolution = dissolution
kind-deregistration = radiation
kind-legislation = législation
kind-suspension = suspension
kind-expulsion = expulsion
kind-tax_action = mesure fiscale
kind-threat = menace
kind-statement = déclaration
kind-surveillance = surveillance
kind-harassment = harcèlement
kind-exile = exil
kind-other = autre

## Types d'acteur

actor-kind-state = État
actor-kind-government_body = organe gouvernemental
actor-kind-official = responsable officiel
actor-kind-party = parti
actor-kind-organisation = organisation
actor-kind-media = média
actor-kind-person = personne
actor-kind-international_body = organisme international
actor-kind-group = groupe

## Rôles des acteurs dans un incident

role-perpetrator = auteur
role-target = cible
role-victim = victime
role-witness = témoin
role-other = autre

## Qualifications et états des constatations

verdict-violation = Violation
verdict-threat_of_violation = Menace de violation
verdict-concern = Préoccupation
status-draft = brouillon
status-confirmed = confirmée
status-retracted = retirée

## Rôles dans un dossier

case-role-owner = propriétaire
case-role-editor = rédacteur
case-role-reviewer = relecteur
case-role-viewer = lecteur
case-role-none = aucun

## Chaîne de conservation

custody-received = reçu
custody-viewed = consulté
custody-downloaded = téléchargé
custody-copied = copié
custody-exported = exporté
custody-handed_over = remis
custody-verified = vérifié
custody-derived = dérivé

## Jours relatifs (la fonction `ago` des gabarits : un jour avant aujourd'hui, ou après)

ago-past = { $days ->
    [0] aujourd'hui
    [1] hier
   *[other] il y a { $days } jours
}
ago-future = { $days ->
    [1] demain
   *[other] dans { $days } jours
}

## Suites données : issues, réponses et modes de remise

outcome-acted = a agi
outcome-acknowledged = a accusé réception
outcome-declined = a refusé
outcome-no_response = pas de réponse
delivery-method-email = courriel
delivery-method-post = courrier postal
delivery-method-hand = en main propre
delivery-method-fax = télécopie
delivery-method-online_form = formulaire en ligne
delivery-method-published = publication
delivery-method-other = autre

## Un mécanisme (mechanism.html)

mech-as-of-notice = Tel que c'était le { $day } : les incidents qui ont pu se produire jusque-là, les constatations qui les concernent, les lettres écrites jusque-là et les réponses reçues jusque-là.
mech-since = depuis le { $day }
mech-counts = Qualifications prises en compte
mech-scope = Champ
mech-findings = Les constatations qui le fondent
mech-no-finding = Aucune constatation confirmée n'entre dans son champ.
mech-letters = Les lettres qui l'ont demandé
mech-sent = Envoyée le { $date } ({ $ago }).
mech-no-letters = Aucune lettre de ce dossier ne le demande (une lettre demande un mécanisme lorsqu'elle cite la disposition qui le crée, ou énumère les incidents qui le fondent).
ft-col-party = Partie
ft-col-delivered = Remise
ft-col-response = Réponse
ft-col-did = Ce qu'elle a fait
ft-col-addressee = Destinataire
ft-col-outcome = Issue
ft-must-act = (doit agir)
ft-not-addressed = (non destinataire)
ft-must-act-not-addressed = (doit agir, non destinataire)
ft-not-recorded = non enregistrée
ft-none-recorded = aucune enregistrée

## Après une lettre (letters/follow_through.html)

ft-the-letter = La lettre
ft-heading = Après la lettre : { $title }
ft-as-of = Au
ft-as-of-notice = Tel que c'était le { $day } : les remises et les réponses datées jusque-là.
ft-not-written = Le { $day }, cette lettre n'était pas encore écrite.
ft-dated = Datée du { $date }.
ft-asks-for = Elle demande
ft-follows = Elle fait suite à
ft-followed-by = Suivie de
ft-parties = Ce que chaque destinataire a fait
ft-deliveries = Remises
ft-delivery-line = à { $to }, par { $method }
ft-none = Aucune enregistrée.
ft-responses = Réponses
ft-the-text = Le texte
ft-source = Source : { $source }
ft-deadlines = Échéances
ft-every-addressee = tous les destinataires
ft-late = passée sans réponse
ft-record = Enregistrer ce qui s'est passé
ft-nothing-recorded = Rien n'a été enregistré. Veuillez corriger :
ft-a-delivery = Une remise
ft-to = À
ft-date = Date
ft-how = Comment
ft-note = Note
ft-record-delivery = Enregistrer la remise
ft-a-response = Une réponse
ft-from = De
ft-received-on = Reçue le
ft-summary = Résumé
ft-its-text = Son texte
ft-source-id = Identifiant de la source
ft-record-response = Enregistrer la réponse
ft-a-deadline = Une échéance
ft-by = Au plus tard le
ft-for = Pour
ft-every-addressee-option = Tous les destinataires
ft-asked = Ce qui a été demandé
ft-record-deadline = Enregistrer l'échéance
ft-a-follow-up = Cette lettre fait suite à une lettre antérieure
ft-earlier = Lettre antérieure
ft-record-follow-up = Enregistrer la suite

## Lettres en attente d'une réponse (letters/awaiting.html)

awaiting-title = Lettres en attente d'une réponse
awaiting-about = Échéances antérieures au { $day } sans réponse enregistrée du destinataire qu'elles visent (de n'importe quel destinataire, pour une échéance qui les vise tous), les plus en retard d'abord.
awaiting-col-letter = Lettre
awaiting-col-deadline = Échéance
awaiting-col-for = Pour
awaiting-col-asked = Demandé
awaiting-col-late = Jours de retard
awaiting-none = Aucune lettre n'attend de réponse au-delà d'une échéance.

## Une disposition (provision.html)

text-status-verified = vérifié
text-status-unverified = non vérifié
text-status-translation = traduction
text-status-quoted = cité
text-status-missing = manquant
pv-text-status = Texte : { $status }
pv-no-text = Le texte de cette disposition n'est pas disponible.
pv-no-text-source = Le texte de cette disposition n'est pas disponible ({ $source }).
pv-translation = Traduction ({ $lang }, { $status })
pv-confirmed = Constatations confirmées
pv-confirmed-as-of = Constatations confirmées au { $day }
pv-none = Aucune.
pv-score-caption = Niveaux de mise en œuvre confirmés (0 non mise en œuvre, 1 minimale, 2 intermédiaire, 3 complète), chacun valant jusqu'au suivant.
pv-col-score = Niveau
pv-no-observation = Aucune observation confirmée.
pv-no-observation-as-of = Aucune observation confirmée datée du { $day } ou d'avant.
pv-violations-caption = Constatations confirmées sur cette disposition et ses subdivisions, par année de leur premier incident.
pv-implementation-as-of = Mise en œuvre au { $day }
pv-latest-for = pour { $date } : la dernière observation confirmée.
pv-latest-for-coded = pour { $date }, codée par { $coder } : la dernière observation confirmée.
pv-scale = Sur l'échelle de la Peace Accords Matrix : 0 non mise en œuvre, 1 minimale, 2 intermédiaire, 3 mise en œuvre complète. Le code d'une année dit où en étaient les choses à sa fin.
pv-observations = Observations
pv-coded-by = Codée par { $coder }
pv-coded-reviewed = Codée par { $coder } ; relue par { $reviewer }
pv-confirm = Confirmer
pv-retract = Retirer
pv-back-to-draft = Repasser en brouillon
pv-record = Enregistrer une observation
pv-date = Date décrite
pv-date-placeholder = AAAA, AAAA-MM ou AAAA-MM-JJ
pv-choose = Choisir
pv-sources = Sources
pv-sources-placeholder = Identifiants des sources, séparés par des virgules
pv-coded-by-label = Codée par
pv-submit = Enregistrer comme brouillon

## Élections (elections.html, elections_simulation.html)

el-col-election = Élection
el-col-method = Méthode
el-col-seats = Sièges
el-col-constituencies = Circonscriptions
el-col-parties = Partis
el-col-party = Parti
el-col-votes = Voix
el-unreadable = Ce fichier d'élection ne peut pas être lu : { $error }
el-none = Ce dossier n'a aucune élection. Une élection est un fichier du répertoire elections/ du paquet du dossier (voir le README du moteur électoral pour son format).
sim-heading = { $name } : projection de Monte-Carlo
sim-about = Chaque tirage redistribue les voix de chaque circonscription selon une loi de Dirichlet centrée sur les parts enregistrées (plus K est grand, moins les voix bougent : K = 400 fait varier une part de 25 % d'environ ±2 points) et attribue les sièges selon les règles propres à l'élection. La même graine donne les mêmes chiffres.
sim-refused = La projection ne peut pas être calculée ainsi ; rien n'a été calculé :
sim-runs = Tirages
sim-noise = Bruit
sim-seed = Graine
sim-run = Calculer
sim-seats-over = { $runs ->
    [one] Sièges sur { $runs } tirage
   *[other] Sièges sur { $runs } tirages
}
sim-summary = Méthode { $method }, bruit { $noise }, graine { $seed } ; { $house } sièges, la majorité est de { $majority }.
sim-lots = { $runs ->
    [one] Dans { $runs } tirage, une égalité pour un siège a été départagée par tirage au sort.
   *[other] Dans { $runs } tirages, une égalité pour un siège a été départagée par tirage au sort.
}
sim-chart-caption = Pour chaque parti : l'intervalle où tombent les sièges de 90 % des tirages (barre), la médiane (trait) et la moyenne (point).
sim-col-mean = Sièges en moyenne
sim-col-p5 = 5e centile
sim-col-median = Médiane
sim-col-p95 = 95e centile
sim-col-majority = Majorité dans
sim-col-seat = Au moins un siège dans
sim-histogram-caption = Pour chaque parti : combien de tirages lui ont donné chaque nombre de sièges.
sim-col-seats-runs = Sièges : tirages

## Importer un tableau (import.html)

imp-about = Exports ACLED et Uwazi, accords PA-X, ou votre propre tableur (CSV ou XLSX, jusqu'à 8 Mio ; les fichiers plus gros avec accord import). Rien n'est écrit avant que vous ayez vu les premières lignes, la correspondance des colonnes et ce que l'import ferait. Chaque format est décrit colonne par colonne dans docs/import.md d'Accord.
imp-format = Format
imp-format-table = Un tableur (correspondance par colonne)
imp-format-acled = Export ACLED
imp-format-uwazi = CSV Uwazi
imp-format-pax = Accords PA-X
imp-file = Fichier
imp-preview = Aperçu
imp-file-rows = { $file } ({ $format }) : { $rows ->
    [one] { $rows } ligne.
   *[other] { $rows } lignes.
}
imp-imported = Importé.
imp-nothing-imported = Rien n'a été importé : corrigez les lignes ci-dessous et importez le fichier à nouveau.
imp-what-was-done = Ce qui a été fait
imp-what-would-do = Ce que ferait un import
imp-incidents = incidents
imp-actors = acteurs
imp-sources = sources
imp-instruments = instruments
imp-created = créés
imp-updated = mis à jour
imp-unchanged = Laissés tels quels : { $count ->
    [one] { $count } enregistrement.
   *[other] { $count } enregistrements.
}
imp-problems = Problèmes
imp-problems-about = Chaque ligne qui pose un problème est refusée ; une seule ligne refusée, et rien n'est importé.
imp-col-row = ligne
imp-col-column = colonne
imp-col-value = valeur
imp-col-wrong = ce qui ne va pas
imp-more-problems = … et { $count } de plus.
imp-first-rows = Les premières lignes
imp-mapping = Correspondance (TOML : quelle colonne est quel champ ; date_order dit comment lire 03/04/2017)
imp-preview-again = Nouvel aperçu avec cette correspondance
imp-import = Importer
imp-another = Importer un autre fichier

## Charts (svg/, charts.rs): their titles, descriptions, keys and axes
chart-no-party = Aucun parti à montrer.
chart-no-seats = Aucun siège à montrer.
chart-nothing-yet = Rien à montrer pour l'instant.
chart-no-observation = Aucune observation confirmée pour l'instant.
chart-list = { $parts }.
chart-vs-party = { $party } : { $votes } des voix, { $seats } des sièges
chart-vs-desc = Part des voix et part des sièges par parti. { $parts }.
chart-vs-key-votes = part des voix
chart-vs-key-seats = part des sièges (couleur du parti)
chart-vs-bar-votes = voix { $share }
chart-vs-bar-seats = sièges { $share }
chart-diff-desc = Part des sièges moins part des voix par parti, en points de pourcentage (positif : plus de sièges que de voix). { $parts }.
chart-diff-axis = { $points } pts
chart-hemi-desc = Hémicycle de { $total } sièges, de gauche à droite : { $parts }. La majorité est de { $majority } sièges.
chart-hemi-party = { $seats ->
    [one] { $party } : { $seats } siège
   *[other] { $party } : { $seats } sièges
}
chart-hemi-total = { $total ->
    [one] { $total } siège
   *[other] { $total } sièges
}
chart-hemi-majority = majorité { $majority }
chart-range-party = { $party } : 90 % des tirages entre { $low } et { $high } sièges, médiane { $median }, moyenne { $mean }
chart-majority-desc = { $parts }. La majorité est de { $majority } sièges.
chart-majority-line = majorité : { $majority }
chart-range-title = { $party } : 5e centile { $p5 }, médiane { $median }, 95e centile { $p95 }, moyenne { $mean }
chart-range-label = { $low }–{ $high } (médiane { $median })
chart-hist-each = { $runs ->
    [one] { $seats } sièges dans { $runs } tirage
   *[other] { $seats } sièges dans { $runs } tirages
}
chart-lane-none = { $lane } : aucun
chart-score-desc = Score de mise en œuvre par date : { $parts }.
chart-implementation-title = Mise en œuvre de { $citation } au fil du temps
chart-violations-title = Constatations confirmées sur { $citation } par année
chart-timeline-title = Mécanismes déclenchés, lettres envoyées et réponses reçues
chart-findings-title-month = Constatations confirmées par mois, par qualification
chart-findings-title-year = Constatations confirmées par année, par qualification
chart-event-triggered = { $provision } déclenché ({ $mechanism })
chart-event-letter = lettre : { $title }
chart-event-response = { $who } : { $action } ({ $letter })
dash-lane-triggered = Mécanismes déclenchés
dash-lane-letters = Lettres envoyées
dash-lane-responses = Réponses reçues

## An election's page (elections_show.html and its handlers)
el-all = Toutes les élections de ce dossier
el-seats-in = { $constituencies ->
    [one] { $seats } dans { $constituencies } circonscription
   *[other] { $seats } dans { $constituencies } circonscriptions
}
el-party-votes = Voix des partis
el-threshold = Seuil national
el-constituency-threshold = Seuil de circonscription
el-about-data = À propos de ces données
el-sources = Sources du fichier d'élection ({ $count })
el-votes-seats = Voix et sièges
el-seats-shown = Sièges montrés : { $basis }.
el-basis-official = les sièges officiels inscrits dans le fichier d'élection
el-basis-computed = les sièges calculés par la méthode de l'élection
el-basis-none = aucun siège : la méthode ne peut pas répartir ces voix (voir les notes)
el-chart-caption = Part des voix (en gris) face à la part des sièges (couleur du parti), le plus grand parti en premier. Les mêmes chiffres sont dans le tableau ci-dessous.
el-table-caption = Voix et sièges par parti
el-table-caption-computed = Voix et sièges par parti, avec les sièges que la méthode de l'élection calcule à partir de ces voix
el-col-vote-share = Part des voix
el-col-seat-share = Part des sièges
el-col-difference = Sièges − voix (points)
el-col-computed = Sièges calculés ({ $method })
el-hemicycle-caption = L'assemblée, un point par siège, les partis depuis la gauche dans l'ordre des voix.
el-disproportionality = Disproportionnalité
el-col-index = Indice
el-index-official = sièges officiels
el-index-computed = sièges calculés
el-index-computed-by = calculés ({ $method })
el-index-gallagher = Gallagher
el-index-gallagher-about = indice des moindres carrés, en pourcentage : 0 est parfaitement proportionnel
el-index-loosemore-hanby = Loosemore–Hanby
el-index-loosemore-hanby-about = la moitié de la somme des écarts entre parts des sièges et des voix, en pourcentage
el-index-sainte-lague = Indice de Sainte-Laguë
el-index-sainte-lague-about = somme des carrés des écarts pondérés par la part des voix
el-index-enp-votes = Partis effectifs (voix)
el-index-enp-votes-about = Laakso–Taagepera, selon les voix
el-index-enp-seats = Partis effectifs (sièges)
el-index-enp-seats-about = Laakso–Taagepera, selon les sièges
el-breakdown = { $units ->
    [one] Sièges officiels par unité, tels qu'inscrits ({ $units } unité)
   *[other] Sièges officiels par unité, tels qu'inscrits ({ $units } unités)
}
el-col-unit = Unité
el-col-won = Obtenus
el-no-seat = aucun
el-simulation-link = Projection de Monte-Carlo
el-simulation-about = Jusqu'où les sièges pourraient bouger si les voix bougeaient un peu.
el-flag-cannot-allocate = La méthode de l'élection ({ $method }) ne peut pas répartir ces voix : { $reason }.
el-flag-difference = { $party } : { $computed } calculés, { $recorded } inscrits
el-flag-difference-in = { $party } dans { $place } : { $computed } calculés, { $recorded } inscrits
el-flag-differ = Les sièges que la méthode ({ $method }) calcule à partir de ces voix diffèrent des sièges officiels — { $differences }{ $more ->
    [0] {""}
   *[other] {" "}et { $more } autres
}. La page montre les sièges officiels.
el-flag-tie = Égalité dans { $place } à partir du siège { $seat } : { $tied } étaient exactement à égalité ; départagés par « { $rule } » en faveur de { $winners }.
el-flag-below-threshold = Sous le seuil national : { $parties }.
el-flag-breakdown = { $units ->
    [one] Des sièges officiels sont aussi inscrits pour { $units } unité qui n'est pas une circonscription du fichier (voir ci-dessous) ; ses voix ne sont pas dans le fichier, donc rien n'est calculé ici par unité.
   *[other] Des sièges officiels sont aussi inscrits pour { $units } unités qui ne sont pas les circonscriptions du fichier (voir ci-dessous) ; leurs voix ne sont pas dans le fichier, donc rien n'est calculé ici par unité.
}
el-scenario = Scénario de dissolution
el-scenario-refused = Le scénario ne peut pas être calculé ainsi :
el-field-error = { $field } : { $message }
el-field-party = Parti dissous
el-field-rule = Règles à comparer
el-field-scope = Petits partis pris en compte
el-field-basis = Sièges avant
el-field-declined = Partis qui refusent les sièges attribués (règle des petits partis)
el-rule-recorded = Inscrite : ce que l'autorité a décidé, tel que le fichier d'élection l'inscrit
el-rule-minor-parties = Petits partis : les sièges vont seulement aux partis qui n'en avaient obtenu aucun, à la plus forte moyenne ; les sièges refusés passent aux partis déjà représentés
el-rule-rerun = Nouveau calcul : la méthode de l'élection appliquée de nouveau comme si le parti ne s'était pas présenté
el-rule-short-recorded = inscrite
el-rule-short-minor-parties = petits partis
el-rule-short-rerun = nouveau calcul
el-scope-national = national : partis sans siège nulle part
el-scope-constituency = par circonscription : partis sans siège dans celle-ci
el-scope-short-national = national
el-scope-short-constituency = par circonscription
el-basis-choice-default = par défaut : les sièges officiels quand le fichier les inscrit tous
el-basis-choice-recorded = les sièges officiels
el-basis-choice-computed = les sièges que calcule la méthode de l'élection
el-compute = Calculer
el-scenario-from-data = Montré par défaut : la dissolution de { $party } que le fichier d'élection inscrit, telle qu'inscrite et telle que la calcule la règle des petits partis (avec les partis qui ont refusé, tels qu'inscrits). Modifiez le formulaire pour en essayer une autre.
el-scenario-of = Dissolution de { $party }.
el-seats-before = Sièges avant : { $seats }
el-before-basis-recorded = les sièges officiels
el-before-basis-computed = calculés par la méthode de l'élection
el-before = avant
el-after = après : { $rule }
el-chart-votes-seats = { $name } : part des voix et part des sièges
el-chart-seats = { $name } : sièges
el-chart-before = Avant : sièges avec { $party }
el-chart-differences = Part des sièges moins part des voix, avant et après
el-rule-failed = Cette règle ne peut pas être calculée ici : { $reason }
el-seats-after = Sièges après : { $seats }.
el-title-minor = Petits partis ({ $scope }, D'Hondt)
el-title-minor-declined = Petits partis ({ $scope }, D'Hondt ; refusés : { $declined })
el-title-recorded = Inscrite (ce que l'autorité a décidé)
el-title-rerun = Nouveau calcul sans { $party }
el-step-award = attribution aux partis sans siège
el-step-award-constituency = attribution aux partis sans siège dans la circonscription
el-step-declined = sièges refusés
el-step-passed-on = sièges refusés passés aux partis représentés
el-step-recorded-award = attribution inscrite
el-step-recorded-declined = inscrits comme refusés
el-step-recorded-passed-on = sièges refusés, tels qu'inscrits
el-note-no-seat = { $party } n'a aucun siège avant la dissolution : rien à redistribuer
el-note-rerun-recorded = les sièges avant sont ceux qui sont inscrits ; les sièges après sont calculés par la méthode de l'élection sans le parti
el-note-tie = égalité dans { $place } à partir du siège { $seat } entre { $tied }, départagée par « { $rule } » en faveur de { $winners }
el-recorded = Inscrite
el-recorded-on = Inscrite le { $date }
el-recorded-sources = { $recorded } (sources { $sources })
el-recorded-note = { $recorded } : { $note }
el-scenario-table-caption = Sièges avant et après, et part des sièges moins part des voix (points de pourcentage)
el-col-seats-before = Sièges avant
el-col-difference-before = Sièges − voix avant
el-col-difference-after = Sièges − voix après : { $rule }
el-differences-caption = Part des sièges moins part des voix par parti, avant et après chaque règle : à droite de zéro, plus de sièges que de voix.
el-no-dissolution = Le fichier d'élection n'inscrit aucune dissolution. Choisissez un parti et une ou plusieurs règles ci-dessus pour voir ce que ferait une dissolution.
el-err-party-missing = choisissez le parti à dissoudre
el-err-party-unknown = « { $party } » ne se présente pas à cette élection (partis : { $parties })
el-err-rule-unknown = règle inconnue « { $rule } » (règles : recorded, minor-parties, rerun)
el-err-rule-missing = choisissez au moins une règle
el-err-rule-not-recorded = le fichier d'élection n'inscrit aucune dissolution de « { $party } » ; choisissez une autre règle
el-err-scope-unknown = portée inconnue « { $scope } » (national ou constituency)
el-err-basis-not-recorded = le fichier d'élection n'inscrit pas de sièges officiels pour chaque circonscription
el-err-basis-unknown = base inconnue « { $basis } » (recorded ou computed)
el-err-declined-unknown = « { $party } » ne se présente pas à cette élection
el-err-declined-dissolved = « { $party } » est le parti dissous ; il ne peut pas aussi refuser
sim-err-runs-zero = au moins 1 tirage
sim-err-runs-max = au plus { $max } tirages sur cette page (la ligne de commande en accepte davantage : accord elections simulate)
sim-err-runs-house = au plus { $max } tirages pour une assemblée de { $house } sièges sur cette page (la ligne de commande en accepte davantage : accord elections simulate)
sim-err-runs-number = « { $value } » n'est pas un nombre entier de tirages
sim-err-noise = attendu dirichlet:K avec K un nombre supérieur à 0 et au plus { $max }, reçu « { $value } »
sim-err-seed = « { $value } » n'est pas une graine (un nombre entier de 0 à { $max })
sim-histogram-title = { $runs ->
    [one] Combien de tirages ont donné à chaque parti chaque nombre de sièges ({ $runs } tirage)
   *[other] Combien de tirages ont donné à chaque parti chaque nombre de sièges ({ $runs } tirages)
}

## A refused field's explanation (refusals.rs): the kinds the core gives, and the fields' names
refusal-field = { $field } : { $reason }
refusal-empty = ce champ ne doit pas être vide
refusal-finding-incident = une constatation doit porter sur au moins un incident
refusal-no-provision = ce dossier n'a pas de disposition { $id }
refusal-no-actor = ce dossier n'a pas d'acteur « { $id } »
refusal-no-incident = ce dossier n'a pas d'incident « { $id } »
refusal-no-source = ce dossier n'a pas de source « { $id } »
refusal-no-instrument = ce dossier n'a pas d'instrument « { $id } »
refusal-date = « { $value } » n'est pas une date : écrivez 2017-09-03, 2017-09, 2017, une période A..B ou A..
refusal-date-month = « { $value } » n'est pas une date : il n'y a pas de mois { $month }
refusal-date-days = « { $value } » n'est pas une date : { $month } a { $days } jours
refusal-date-range = « { $value } » n'est pas une période : elle finit avant de commencer
refusal-day = « { $value } » n'est pas un jour : écrivez-le 2017-09-03
refusal-url = « { $value } » n'est pas une adresse web : elle commence par https:// ou http://
refusal-id = « { $value } » n'est pas un identifiant : de 1 à 100 lettres, chiffres, points, tirets bas ou tirets, commençant par une lettre ou un chiffre
field-title = Titre
field-date = Date
field-kind = Type
field-place = Lieu
field-summary = Résumé
field-actor = Acteur
field-actors = Acteurs
field-source = Source
field-sources = Sources
field-verdict = Qualification
field-rationale = Motivation
field-provision = Disposition
field-incident = Incident
field-incidents = Incidents
field-note = Note
field-score = Score
field-email = Courriel
field-password = Mot de passe
field-name = Nom
field-role = Rôle
field-as_of = Date de l'état
field-id = Identifiant
field-url = Adresse web
field-status = État

## The command line's human output (crates/cli: words.rs; accord case list and case status)
cli-no-cases = aucun dossier dans { $db } (importez-en un avec `accord import DIR`)
cli-col-case = DOSSIER
cli-col-incidents = INCIDENTS
cli-col-findings = CONSTATATIONS
cli-col-title = TITRE
cli-as-of = au { $day }
cli-mechanisms = MÉCANISMES
cli-triggered = DÉCLENCHÉ depuis le { $since } ({ $precision } : { $incident }) par { $count ->
    [one] { $count } constatation confirmée
   *[other] { $count } constatations confirmées
}
cli-not-triggered = non déclenché
cli-requested-by = demandé par
cli-must-act = doit agir
cli-consult = consulter
cli-last-asked = dernière demande
cli-never-asked = jamais (aucune lettre du dossier ne cite sa disposition ni ne liste ses incidents)
cli-latest-response = dernière réponse le { $date } (il y a { $days ->
    [one] { $days } jour
   *[other] { $days } jours
}) de { $who } : { $action }
cli-no-response = aucune réponse enregistrée
cli-asked = le { $date } (il y a { $days ->
    [one] { $days } jour
   *[other] { $days } jours
}) dans { $letter } ; { $answer }
cli-provisions = DISPOSITIONS
cli-col-provision = DISPOSITION
cli-col-status = ÉTAT
cli-col-implementation = MISE EN ŒUVRE

## Lettres en plusieurs langues (issue 16 §3 ; partie des lettres)
letters-languages = Dans d’autres langues :
letters-original = original
letters-out-of-date = à mettre à jour
letters-out-of-date-notice = Cette traduction n’est plus à jour : l’original a changé depuis qu’elle a été faite. Les signatures engagent le texte de chaque langue séparément.
letters-versions = Langues
versions-col-kind = Version
versions-col-translated = Traduite par, le
versions-col-state = État
versions-translation = traduction
versions-current = à jour
versions-add = Ajouter ou modifier la langue (code comme km ou fr) :
versions-open = Ouvrir
versions-new = Nouvelle version en { $lang }
versions-edit = La version en { $lang }
versions-original-text = L’original, à traduire
versions-signed-col = Signé en
sign-languages = Cette lettre existe en plusieurs langues ; vous signez le texte affiché, dans cette langue seulement (une signature ne vaut que pour la langue où elle est donnée). La lire et la signer en :

## Contenu en plusieurs langues : traductions des fiches et page des traducteurs (issue 16 §2)

nav-translations = Traductions
translation-original = original ({ $lang })
translation-out-of-date = traduction à mettre à jour
translation-add = Traduire cette fiche
translation-form-help = Rédigé en « { $lang } ». Remplissez les champs que vous traduisez ; ceux laissés vides gardent leur traduction.
translation-existing = Déjà traduit en :
translation-language = Langue
translation-other-language = Ou une autre langue (son code de langue)
translation-save = Enregistrer la traduction
translation-saved = Traduction enregistrée.
translation-field-title = Titre
translation-field-summary = Résumé
translation-field-place = Lieu
translation-field-name = Nom
translation-field-heading = Intitulé
translation-field-text = Texte
translation-field-notes = Notes
translation-field-note = Note
translation-field-action = Action
translation-kind-case = Dossier
translation-kind-instrument = Instrument
translation-kind-provision = Disposition
translation-kind-actor = Acteur
translation-kind-source = Source
translation-kind-incident = Incident
translation-kind-mechanism = Mécanisme
translation-state-missing = non traduit
translation-state-out_of_date = à mettre à jour
translators-title = Traductions
translators-intro = Les fiches de ce dossier sont rédigées en « { $lang } ». Pour chaque langue : les textes pas encore traduits, et les traductions dont l’original a changé depuis.
translators-missing = { $count ->
    [one] { $count } texte pas encore traduit.
   *[other] { $count } textes pas encore traduits.
}
translators-out-of-date = { $count ->
    [one] { $count } traduction à mettre à jour.
   *[other] { $count } traductions à mettre à jour.
}
translators-record = Fiche
translators-field = Champ
translators-state = État
translators-more = … et { $count } de plus.
translators-done = Tout est traduit.

## The OpenAPI document's descriptions (routes/api.rs: /api/openapi.json in the request's language; a description without a message here stays English)
api-info = Dossiers, incidents, constatations, dispositions et état de déclenchement d'Accord, en JSON. Envoyez `Authorization: Bearer <token>` (créez un jeton sur la page de votre compte ou avec `accord user token EMAIL NAME`). Sans jeton, seuls les dossiers publiés sont visibles, en lecture seule. Un dossier privé que vous n'avez pas le droit de voir répond 404, exactement comme un dossier qui n'existe pas.
api-tag-cases = Les dossiers et leur état de déclenchement
api-tag-provisions = Les dispositions des instruments d'un dossier
api-tag-incidents = Ce qui s'est passé, avec dates, acteurs et sources
api-tag-findings = Les incidents qualifiés au regard des dispositions, et leur relecture
api-tag-observations = Où en est la mise en œuvre des dispositions, datée, sur l'échelle de la Peace Accords Matrix (0-3), et sa relecture
api-tag-letters = Ce qui a suivi une lettre : remises, réponses, échéances, relances, et les lettres en attente de réponse
api-tag-sources = D'où viennent les déclarations et les faits
api-tag-actors = Les États, organes, responsables et organisations qu'un dossier nomme
api-tag-evidence = Des fichiers, hachés à leur arrivée, avec leur fiche de collecte et leur chaîne de possession
api-tag-history = Chaque version d'un enregistrement, de la plus ancienne à la plus récente
api-bearer = Un jeton d'API personnel (`accord user token EMAIL NAME`, ou la page du compte)
api-error-error = Ce qui n'a pas marché, pour les personnes, en anglais (comme toujours). Un 404 ne dit jamais si le dossier existe.
api-error-code = Ce qui n'a pas marché, pour les programmes : un code anglais stable (`bad_request`, `unauthorized`, `forbidden`, `not_found`, `conflict`, `too_large`, `invalid`, `too_many_requests`, `unavailable`, `internal`).
api-error-message = Ce qui n'a pas marché, dans la langue demandée par la requête (`Accept-Language` : `en`, `fr` ou `km` ; sinon celle de l'instance). Un champ refusé est nommé par son libellé et la raison est dite dans cette langue quand Accord connaît le type de refus ; sinon elle est donnée en anglais sous une introduction traduite.
api-error-status = Le statut HTTP, répété.
api-error-field = Le champ de la requête dont parle l'erreur (erreurs de validation, statut 422), comme chemin dans le corps JSON (`title`, `actors[0].role`) ou nom du paramètre de requête.
api-case-id = Identifiant du dossier
api-incident-id = Identifiant de l'incident
api-finding-id = Identifiant de la constatation
api-source-id = Identifiant de la source
api-letter-id = Identifiant de la lettre
api-observation-id = Identifiant de l'observation
api-evidence-id = Identifiant de la pièce
api-token-invalid = Le jeton n'est pas valide
api-no-token = Pas de jeton, ou le jeton n'est pas valide
api-no-case = Aucun dossier de ce nom, ou l'appelant n'a pas le droit de le voir
api-no-case-incident = Aucun dossier ou incident de ce nom, ou l'appelant n'a pas le droit de voir le dossier
api-no-case-finding = Aucun dossier ou constatation de ce nom, ou l'appelant n'a pas le droit de voir le dossier
api-no-case-item = Aucun dossier ou pièce de ce nom, ou l'appelant n'a pas le droit de voir le dossier
api-no-case-source = Aucun dossier ou source de ce nom, ou l'appelant n'a pas le droit de voir le dossier
api-no-case-letter = Aucun dossier ou lettre de ce nom, ou l'appelant n'a pas le droit de voir le dossier
api-not-json = Le corps n'est pas du JSON
api-may-not-edit = Le rôle de l'appelant ne permet pas de modifier le dossier
api-as-of-not-day = `as_of` n'est pas un jour (`field` : `as_of`)
api-filter-invalid = Un filtre n'est pas valide ; `field` le nomme
api-versions = Les versions, de la plus ancienne à la plus récente
api-visible-cases = Les dossiers visibles, par identifiant
api-recorded-draft = Enregistré comme brouillon ; `Location` est son URL

## An election's page: the engine's reasons a rule cannot be computed
el-engine-no-minor = { $seats ->
    [one] aucun parti sans siège n'a de voix pour recevoir le { $seats } siège libéré
   *[other] aucun parti sans siège n'a de voix pour recevoir les { $seats } sièges libérés
}
el-engine-no-minor-in = { $seats ->
    [one] circonscription { $place } : aucun parti sans siège dans celle-ci n'a de voix pour recevoir le { $seats } siège libéré
   *[other] circonscription { $place } : aucun parti sans siège dans celle-ci n'a de voix pour recevoir les { $seats } sièges libérés
}

# --- E: the election engine's notes, steps, tie rules and refusals (crates/server/src/election_words.rs) ---
el-tie-rule-most-votes = le plus de voix
el-tie-rule-lot = tirage au sort
el-step-at = { $place } : { $step }
el-step-seats = { $step } : { $seats }
el-engine-tie = { $left ->
    [one] circonscription { $place } : siège { $seat } sur { $seats } : { $parties } ont des droits exactement égaux à { $left } siège ; donnez à « ties » la valeur « most-votes » ou « lot » (avec un « seed ») pour départager
   *[other] circonscription { $place } : sièges { $seat } à { $last } sur { $seats } : { $parties } ont des droits exactement égaux à { $left } sièges ; donnez à « ties » la valeur « most-votes » ou « lot » (avec un « seed ») pour départager
}
el-engine-no-candidates = { $left ->
    [one] circonscription { $place } : { $left } siège sur { $seats } ne peut pas être pourvu : aucun parti ayant des voix n'atteint les seuils
   *[other] circonscription { $place } : { $left } sièges sur { $seats } ne peuvent pas être pourvus : aucun parti ayant des voix n'atteint les seuils
}
el-engine-unapportioned = { $left ->
    [one] { $left } siège sur { $seats } ne peut pas être réparti : il ne reste aucune unité ayant une population
   *[other] { $left } sièges sur { $seats } ne peuvent pas être répartis : il ne reste aucune unité ayant une population
}
el-engine-not-standing = « { $party } » ne se présente pas à « { $election } »
el-engine-not-divisor = la règle des petits partis demande une méthode de la plus forte moyenne (à diviseurs), pas { $method }
el-engine-no-one-to-pass = { $seats ->
    [one] { $place } : { $seats } siège refusé, mais aucun autre parti siégeant pour le recevoir
   *[other] { $place } : { $seats } sièges refusés, mais aucun autre parti siégeant pour les recevoir
}
el-engine-not-recorded = le fichier d'élection n'inscrit aucune dissolution de « { $party } »
el-engine-recorded-mismatch = l'inscription attribue { $awarded } sièges, mais « { $party } » en détient { $held } dans les sièges dont part le scénario
el-engine-no-runs = le nombre de tirages doit être d'au moins 1
el-engine-concentration = la concentration de Dirichlet doit être un nombre positif fini, reçu { $value }
el-engine-concentration-shape = la concentration de Dirichlet { $value } donne à un parti une forme Gamma de { $shape }, dont on ne peut pas tirer
el-engine-no-votes = circonscription { $place } : aucune voix dont tirer des parts
el-engine-too-large = { $parties } partis × { $seats } sièges, c'est trop pour le décompte (au plus { $most })
el-engine-run = { $left ->
    [one] tirage { $run }, circonscription { $place } : { $left } siège ne peut pas être pourvu : aucun parti ayant des voix n'atteint les seuils
   *[other] tirage { $run }, circonscription { $place } : { $left } sièges ne peuvent pas être pourvus : aucun parti ayant des voix n'atteint les seuils
}
el-input-json-syntax = ligne { $line }, colonne { $column } : ce n'est pas du JSON valide
el-input-json-eof = ligne { $line }, colonne { $column } : le fichier se termine avant la fin de son JSON
el-input-json-unknown = ligne { $line }, colonne { $column } : le format de fichier n'a pas de champ « { $field } »
el-input-json-missing = ligne { $line }, colonne { $column } : le champ « { $field } » manque
el-input-json-shape = ligne { $line }, colonne { $column } : une valeur n'est pas du type que son champ attend
el-input-field = { $field } : { $problem }
el-input-constituency = circonscription « { $place } », { $field } : { $problem }
el-input-csv = { $file }, ligne { $line }, { $field } : { $problem }
el-input-file-votes = fichier des voix
el-input-file-seats = fichier des sièges
el-input-key-entry = { $path } pour « { $entry } »
el-problem-whole-number = doit être un nombre entier, 0 ou plus ; reçu { $got }
el-problem-positive = doit être un nombre entier, 1 ou plus ; reçu { $got }
el-problem-got-text = le texte « { $text } »
el-problem-fraction = doit être un nombre d'au moins 0 et de moins de 1 ; reçu { $got }
el-problem-first-divisor = doit être un nombre supérieur à 0 et d'au plus 3 ; reçu { $got }
el-problem-method-missing = manquant : indiquez-le dans le fichier ou sur la ligne de commande
el-problem-unknown-method = méthode inconnue « { $name } » ; méthodes connues : { $known }
el-problem-first-divisor-method = ne s'applique qu'à modified-sainte-lague, pas à { $method }
el-problem-threshold-rule = doit valoir « any » ou « all » ; reçu « { $got } »
el-problem-tie-rule = doit valoir « error », « most-votes » ou « lot » ; reçu « { $got } »
el-problem-lot-seed = ties = « lot » demande un « seed », pour que le tirage puisse être refait
el-problem-seed-without-lot = ne sert qu'avec ties = « lot », pas « { $ties } »
el-problem-none-listed = { $kind ->
    [constituency] doit donner au moins une circonscription
   *[unit] doit donner au moins une unité
}
el-problem-empty-name = { $kind ->
    [party] le nom d'un parti ne doit pas être vide
    [constituency] le nom d'une circonscription ne doit pas être vide
   *[unit] le nom d'une unité ne doit pas être vide
}
el-problem-listed-again = { $kind ->
    [constituency] cette circonscription figure plus d'une fois
   *[unit] cette unité figure plus d'une fois
}
el-problem-repeated = { $kind ->
    [party] le parti « { $name } » figure plus d'une fois
    [constituency] la circonscription « { $name } » figure plus d'une fois
   *[unit] l'unité « { $name } » figure plus d'une fois
}
el-problem-repeated-in = le parti « { $party } » figure deux fois dans la circonscription « { $place } »
el-problem-too-many-seats = doit valoir au plus { $max } ; reçu { $got }
el-problem-no-party = aucun parti n'est donné
el-problem-votes-overflow = le total des voix dépasse 2⁶⁴ − 1
el-problem-no-votes-entry = le parti « { $party } » n'a pas de voix inscrites ici
el-problem-seats-sum = { $kind ->
    [constituency] la somme est de { $sum }, mais la circonscription a { $seats } sièges
   *[unit] la somme est de { $sum }, mais l'unité a { $seats } sièges
}
el-problem-not-standing = le parti « { $party } » ne se présente pas à cette élection
el-problem-this-not-standing = ce parti ne se présente pas à cette élection
el-problem-nothing-to-decline = le parti « { $party } » n'a reçu aucun siège à refuser
el-problem-passed-on-sum = transmet { $passed } sièges, mais { $declined } ont été refusés
el-problem-minimum = { $min } sièges pour chacune des { $units } unités demandent { $needed } sièges, plus que les { $seats } à répartir
el-problem-csv-fields = cette ligne a { $got } champs, mais l'en-tête en a { $expected }
el-problem-csv-utf8 = le fichier n'est pas du texte UTF-8
el-problem-csv-syntax = le CSV ne peut pas être lu (détail du lecteur, en anglais : { $detail })
el-problem-missing-column = colonne manquante (l'en-tête contient : { $header })
el-problem-not-in-seats-file = la circonscription « { $place } » ne figure pas dans le fichier des sièges
el-problem-no-votes-rows = la circonscription « { $place } » n'a aucune ligne dans le fichier des voix

## A signatory's sign-on link on the signatories page (letters/signatories.html)
signon-link-open = lien ouvert jusqu'au { $day }, { $time } UTC
signon-link-open-forever = lien ouvert
signon-link-expired = lien expiré le { $day }, { $time } UTC
signon-link-used = lien utilisé ({ $outcome }) le { $day }, { $time } UTC
signon-use-signed = signé
signon-use-declined = refusé
signon-use-withdrawn = retiré
signon-use-replaced = remplacé par un lien plus récent

## A refused field's explanation: the handlers' own sentences, and a busy server
refusal-true-false = doit être true ou false
refusal-review-status = choisissez confirmed, retracted ou draft
refusal-page = doit être un numéro de page
refusal-lang = choisissez en, fr ou km
error-busy = Le serveur est occupé. Réessayez dans un instant.

## The command line: accord case grant and case publish
cli-granted = { $case } : { $email } est { $role }
cli-revoked = { $case } : { $email } n'est plus membre
cli-published = { $case } est publié (en lecture seule)
cli-private = { $case } est privé

## The command line: accord verify's summary
cli-verify-intact = intact : { $what } : { $entries ->
    [one] { $entries } entrée du journal
   *[other] { $entries } entrées du journal
} et { $evidence ->
    [one] { $evidence } fichier de preuve vérifiés
   *[other] { $evidence } fichiers de preuve vérifiés
}
cli-verify-broken = erreur : { $what } n'est PAS intact : { $problems ->
    [one] { $problems } problème
   *[other] { $problems } problèmes
} ({ $entries ->
    [one] { $entries } entrée du journal
   *[other] { $entries } entrées du journal
} et { $evidence ->
    [one] { $evidence } fichier de preuve vérifiés)
   *[other] { $evidence } fichiers de preuve vérifiés)
}

## L5 (issue 16 §2) : pages des sources et des instruments, suppression d’une traduction, langue
## d’origine d’une fiche ou du dossier, traductions dans les historiques
source-authors = Auteurs
source-publisher = Éditeur
source-date = Date
source-url = Adresse
source-accessed = Consulté le
translation-remove = Supprimer la traduction en { $lang }
translation-original-language = Écrit en
translation-original-save = Enregistrer la langue d’origine
translators-case-language = Les fiches du dossier sont écrites en
history-translations = Traductions
history-original-language = Langue d’origine : { $lang }
history-translation-added = traduction ajoutée
history-translation-changed = traduction modifiée
history-translation-removed = traduction supprimée
history-translated-by = traduit par { $who }
cli-translation-removed = Traduction en { $lang } de { $kind } { $id } supprimée.
cli-translation-original = { $kind } { $id } est écrit en { $lang }.

## Letters in several languages (L6): a version's addressees and CC, removing a version
versions-addressees-help = Les destinataires de l’original dans cette langue, un par ligne dans le même ordre : nom | titre | organisation | rôle. Laissés tels quels, ce sont ceux de l’original qui sont imprimés.
versions-cc-help = Les lignes de copie de l’original dans cette langue, une par ligne dans le même ordre.
versions-remove = Supprimer cette version
versions-remove-help = Impossible dès qu’une organisation l’a signée (sauf si elle s’est retirée). L’historique de la lettre garde le texte supprimé.
cli-letter-version-removed = { $letter } : version { $lang } supprimée ; la lettre est maintenant en { $languages }

## The command line (L4): every command's human output; `n` selects the plural, `shown` and
## the other counts are written in the language's digits without grouping.
## accord backup / restore
cli-backed-up = { $db } sauvegardé dans { $out } : la base de données ({ $db_bytes } octets), { $files ->
    [one] { $shown_files } fichier de preuve
   *[other] { $shown_files } fichiers de preuve
} ({ $bytes } octets){ $log_key ->
    [yes] {" "}et la clé de signature du journal
   *[no] {""}
}.
cli-backup-sealed = Elle est scellée avec la clé de données de l’instance : elle s’ouvre avec le fichier de clé de l’instance ou les parts de récupération, et avec rien d’autre. Conservez-la ailleurs que la base de données.
cli-backup-clear = Conservez-la ailleurs que la base de données : cette instance n’a pas de clés (`accord keys init`), la sauvegarde contient donc tout en clair.
cli-restored = { $backup } (prise le { $taken }) restaurée dans { $db } : { $files ->
    [one] { $shown_files } fichier de preuve
   *[other] { $shown_files } fichiers de preuve
}{ $log_key ->
    [yes] , la clé de signature du journal
   *[no] {""}
}.
cli-restore-verified = accord verify : tout est vérifié et intact.
cli-restore-problems = accord verify a trouvé { $shown } problème(s) :
## accord copy
cli-copy-evidence-progress = preuves : { $done } sur { $of }
cli-copy-table-progress = { $table } : { $shown } lignes
cli-copied = { $from } copiée vers { $to } : { $rows } lignes dans { $tables } tables, { $files ->
    [one] { $shown_files } fichier de preuve
   *[other] { $shown_files } fichiers de preuve
} ({ $bytes } octets ; { $present } déjà présents).
cli-copied-key-file = Fichier de clé copié à côté de la cible : { $file }
cli-copy-point-servers = Faites pointer les serveurs de la cible vers les mêmes fichiers : log_key = { $log_key }, key_file = { $key_file } (si l’instance a des clés){ $store }.
cli-copy-check = Vérifiez-la : accord --db { $to } verify ; accord --db { $to } log checkpoint affiche la même taille d’arbre et la même racine que la source.
## accord import DIR
cli-import-reading = lecture et empreinte des fichiers
cli-import-checking = vérification du paquet
cli-import-writing = écriture dans la base de données
cli-import-refused = erreur : { $file } refusé : { $n ->
    [one] { $shown } problème
   *[other] { $shown } problèmes
} ; rien n’a été importé
cli-import-imported = dossier { $case } importé : { $records } enregistrements et { $blobs } fichiers de preuve tirés de { $files } fichiers en { $secs } s dans { $db }
cli-import-replaced = dossier { $case } remplacé : { $records } enregistrements et { $blobs } fichiers de preuve tirés de { $files } fichiers en { $secs } s dans { $db }
cli-import-exists = le dossier { $case } existe déjà (utilisez --replace pour le remplacer) ; rien n’a été importé
## accord import FILE --format ...
cli-table-needs-mapping = un tableur a besoin d’une correspondance (--mapping FICHIER) qui dit quelle colonne est quel champ ; celle-ci est devinée d’après l’en-tête de { $file }, vérifiez-la et enregistrez-la :
cli-table-problem = { $file } : ligne { $row }, colonne { $column } : { $message } (valeur { $value })
cli-table-eta = encore environ {"{"}eta{"}"}
cli-table-incidents = { $n ->
    [one] { $shown } incident
   *[other] { $shown } incidents
}
cli-table-actors = { $n ->
    [one] { $shown } acteur
   *[other] { $shown } acteurs
}
cli-table-sources = { $n ->
    [one] { $shown } source
   *[other] { $shown } sources
}
cli-table-instruments = { $n ->
    [one] { $shown } instrument
   *[other] { $shown } instruments
}
cli-table-nothing = rien
cli-table-rate = , { $rate } lignes/s
cli-table-what = créés : { $created } ; mis à jour : { $updated } ; inchangés : { $unchanged }
cli-table-refused = erreur : { $file } refusé : { $n ->
    [one] { $shown } problème
   *[other] { $shown } problèmes
} dans { $bad ->
    [one] { $shown_bad } ligne
   *[other] { $shown_bad } lignes
} sur { $rows } ; rien n’a été importé (corrigez-les, ou passez --skip-bad SORTIE pour importer les bonnes lignes et mettre les mauvaises de côté)
cli-table-set-aside =  ; { $bad } mauvaises lignes mises de côté dans { $out }
cli-table-dry-run = essai à blanc de { $file } dans le dossier { $case }, prévision : { $what }{ $skipped } ({ $rows } lignes en { $secs } s) ; rien n’a été écrit
cli-table-imported = { $file } importé dans le dossier { $case } : { $what }{ $skipped } ({ $rows } lignes en { $secs } s{ $rate })
## accord export
cli-export-public = les lecteurs extérieurs au dossier
cli-export-member = le membre { $email }
cli-export-omitted = pour { $who } : { $n } enregistrement(s) laissé(s) de côté, listé(s) par identifiant dans OMITTED.md
cli-exported = dossier { $case } exporté vers { $path } ({ $files } fichiers, dont { $evidence } de preuve)
cli-exported-table = dossier { $case } exporté : { $incidents } incidents, { $findings } constatations, { $sources } sources vers { $files }
## accord translation
cli-translation-none-pending = Tout { $case } est traduit en { $lang }.
cli-translated = { $kind } { $id } traduit en { $lang }.
## accord user
cli-user-created = compte { $email } créé ({ $id })
cli-user-created-admin = compte administrateur { $email } créé ({ $id })
cli-user-disabled = { $email } désactivé : il ne peut plus se connecter, ses sessions sont closes, ses jetons sont refusés
cli-user-enabled = { $email } réactivé
cli-user-deleted = { $email } supprimé avec ses sessions, ses jetons et ses rôles dans les dossiers
cli-user-password = nouveau mot de passe pour { $email } ; { $ended } session(s) close(s)
cli-token-none = { $email } n’a aucun jeton d’API
cli-token-never-expires = n’expire jamais
cli-token-expired = expiré le { $at }
cli-token-expires = expire le { $at }
cli-token-read-only = lecture seule
cli-token-read-write = lecture-écriture
cli-token-created = créé le { $at }
cli-token-never-used = jamais utilisé
cli-token-last-used = dernière utilisation le { $at }
cli-token-revoked = jeton { $name } de { $email } révoqué
## accord log, accord serve
cli-log-cosigned = cosigné en tant que { $key } (publiez cette clé de vérification pour que d’autres puissent contrôler la cosignature)
cli-serving = Accord sert { $db } sur http://{ $addr }/
cli-serving-demo = Le dossier de référence est publié en lecture seule à http://{ $addr }/cases/cambodia-2017  ; pour le modifier, créez un compte : accord --db { $db } user add COURRIEL --admin --password-stdin
cli-demo-loaded = dossier de référence { $case } chargé (publié en lecture seule)
## accord evidence
cli-custody-recorded = { $action } de { $id } enregistré, par { $by }
cli-evidence-checked = { $id } : les octets conservés correspondent à l’enregistrement (sha256 { $sha256 }, { $bytes } octets) ; vérification enregistrée
cli-evidence-added = preuve { $id } ajoutée au dossier { $case } : sha256 { $sha256 }, { $bytes } octets, { $media_type }
cli-evidence-wrote = { $file } écrit ({ $bytes } octets, sha256 { $sha256 })
cli-evidence-none = aucun fichier de preuve
cli-evidence-none-for = aucun fichier de preuve pour l’incident { $incident }
cli-col-id = IDENTIFIANT
cli-col-bytes = OCTETS
cli-col-media-type = TYPE DE MÉDIA
cli-col-incident = INCIDENT
cli-col-file = FICHIER
cli-ev-file = fichier
cli-ev-sha256 = sha256
cli-ev-size = taille
cli-ev-bytes = { $bytes } octets
cli-ev-media-type = type de média
cli-ev-incident = incident
cli-ev-source = source
cli-ev-note = note
cli-ev-derived-from = tiré de
cli-ev-captured-at = saisi le
cli-ev-captured-by = saisi par
cli-ev-source-url = adresse source
cli-ev-method = méthode
cli-ev-tool = outil
cli-ev-place = lieu
cli-ev-capture = saisie
cli-ev-no-capture = (aucune fiche de saisie)
cli-ev-custody = chaîne de possession
cli-ev-by = par { $by }
cli-evidence-package = paquet de preuves { $file } écrit : { $files } fichiers, { $entries } entrées du journal ; vérifiez-le avec `accord verify --package { $file }` (son README.md explique comment le vérifier sans Accord)
## accord follow-through (deliver, respond, deadline, follow-up, list, awaiting)
cli-ft-recorded = { $id } ({ $kind }) enregistré pour la lettre { $letter } dans { $case }
cli-ft-kind-delivery = remise
cli-ft-kind-response = réponse
cli-ft-kind-deadline = échéance
cli-ft-kind-follow_up = relance
cli-ft-none = aucune remise, réponse, échéance ni relance enregistrée dans { $case }
cli-ft-none-late = aucune lettre de { $case } n’attend de réponse au-delà de son échéance (au { $today })
cli-ft-every-addressee = chaque destinataire
cli-ft-late = { $letter } : échéance { $date } (il y a { $shown_days } jours) pour { $who } : { $asked }
cli-ft-delivery = { $letter }  { $date }  remise à { $to } ({ $method })  [{ $id }]
cli-ft-response = { $letter }  { $date }  réponse de { $from } : { $action } — { $summary }  [{ $id }]
cli-ft-deadline = { $letter }  { $date }  échéance pour { $who } : { $asked }  [{ $id }]
cli-ft-follow-up = { $letter }  relance { $cites }  [{ $id }]
## accord observation
cli-obs-recorded = { $id } enregistrée dans { $case } comme brouillon : { $provision } { $date } notée { $score } ({ $label })
cli-obs-reviewed = { $case } : { $id } est { $status }
cli-obs-none = aucune observation dans { $case }
cli-col-date = DATE
cli-col-score = NOTE
cli-col-coded-by = CODÉE PAR
cli-obs-row-column-problem = { $file } : ligne { $row }, colonne { $column } : { $message }
cli-obs-row-problem = { $file } : ligne { $row } : { $message }
cli-obs-dry-row = ligne { $row } : { $id } { $provision } { $date } notée { $score } ({ $label })
cli-obs-dry-run = { $file } : { $n ->
    [one] { $shown } ligne vérifiée
   *[other] { $shown } lignes vérifiées
} ; rien n’a été écrit (--dry-run)
cli-obs-imported = { $n ->
    [one] { $shown } observation enregistrée
   *[other] { $shown } observations enregistrées
} dans { $case } comme brouillons (relisez-les avec `accord observation review`)
## accord letter
cli-letter-none = le dossier { $case } n’a pas de lettre
cli-col-letter = LETTRE
cli-col-lang = LANGUE
cli-col-signatories = SIGNATAIRES
cli-letter-error = erreur : { $error }
cli-letter-version-created = { $letter } : version { $lang } créée ; le SHA-256 de son texte signé est { $sha256 }
cli-letter-version-updated = { $letter } : version { $lang } mise à jour ; le SHA-256 de son texte signé est { $sha256 }
cli-letter-wrote = lettre { $letter } écrite en { $format } dans { $path } ({ $bytes } octets) : { $printed } signataires imprimés, { $pending } non imprimés (non vérifiés, ayant décliné, retirés ou ayant signé une version antérieure) ; SHA-256 du texte signé { $sha256 }
## accord keys
cli-keys-made = Clés créées pour { $db }. La clé de l’instance est { $file } (lisible par son seul propriétaire) : Accord la lit chaque fois qu’il ouvre une preuve. Gardez-la hors du disque qui contient la base de données et les preuves.
cli-keys-recovery-key = La clé de récupération, affichée cette seule fois et conservée nulle part ; elle reconstruit la clé de l’instance si le fichier est perdu (`accord keys recover --share CLÉ`) :
cli-keys-recovery-shares = Les parts de récupération, affichées cette seule fois et conservées nulle part : { $threshold } quelconques de ces { $shares } parts reconstruisent la clé de l’instance si le fichier est perdu (`accord keys recover --share S --share S …`). Confiez chacune à une personne différente.
cli-keys-sealed-before = Texte de { $records } ligne(s) et version(s) d’enregistrements restreints stockées auparavant scellé.
cli-keys-encrypted-before = { $files } fichier(s) de preuve stocké(s) auparavant chiffré(s) ({ $bytes } octets). Leurs fichiers en clair ont été supprimés ; des octets supprimés peuvent rester sur un disque jusqu’à ce qu’ils soient écrasés.
cli-keys-same-disk = attention : le fichier de clé { $file } est sur le même disque que la base de données : qui prend le disque prend la clé avec. Déplacez-le (sur un support amovible, ou un disque qui n’est pas sauvegardé avec les données) et indiquez key_file, --key-file ou ACCORD_KEY_FILE.
cli-keys-not-encrypted = erreur : le fichier de preuve { $sha256 } n’a pas été chiffré : { $why }
cli-keys-made-partly = Les clés sont créées ; lancez `accord keys encrypt-existing` pour chiffrer ce qui reste.
cli-keys-recovered-shares = La clé de l’instance est reconstruite dans { $file } : les clés de données y sont rattachées, et les preuves s’ouvrent de nouveau. Les parts de récupération restent valables.
cli-keys-recovered-key = La clé de l’instance est reconstruite dans { $file } : les clés de données y sont rattachées, et les preuves s’ouvrent de nouveau. La clé de récupération reste valable.
cli-keys-rotated = { $file } contient une nouvelle clé d’instance : les clés de données y sont rattachées et l’ancienne clé ne les ouvre plus. Aucun fichier de preuve n’a été réécrit, et un `accord serve` en cours continue de fonctionner. Une copie de l’ancienne clé avec une copie de la base de données faite avant maintenant les ouvre encore : la rotation protège ce qui est copié à partir de maintenant.
cli-keys-none = { $db } : pas de clés ; les preuves sont stockées sans chiffrement (`accord keys init` crée les clés)
cli-keys-status-made = { $db } : clés créées le { $at }
cli-keys-status-replaced = , clé de l’instance remplacée pour la dernière fois le { $at }
cli-keys-file-opens = fichier de clé : { $file } ouvre les clés
cli-keys-file-wrong = fichier de clé : { $file } n’est PAS la clé de cette instance
cli-keys-file-missing = fichier de clé : { $file } est MANQUANT (`accord keys recover` le reconstruit)
cli-keys-file-unreadable = fichier de clé : { $file } ne peut pas être lu
cli-keys-status-shares = récupération : { $threshold } parts quelconques sur { $shares }
cli-keys-status-key = récupération : la clé de récupération, affichée en entier à la création des clés
cli-keys-status-data-keys = clés de données : { $n }
cli-keys-status-evidence = fichiers de preuve : { $encrypted } chiffrés, { $unencrypted } non chiffrés
cli-keys-sealed = { $records } ligne(s) et version(s) d’enregistrements restreints scellée(s). { $files } fichier(s) de preuve chiffré(s) ({ $bytes } octets) ; { $left } laissé(s) non chiffré(s).
## accord elections
cli-el-allocation = { $name } - { $method }, { $seats } sièges dans { $constituencies } circonscriptions
cli-el-party = parti
cli-el-votes = voix
cli-el-votes-pct = voix %
cli-el-seats = sièges
cli-el-seats-pct = sièges %
cli-el-seats-votes = sièges-voix
cli-el-indices = Gallagher { $gallagher }  Loosemore-Hanby { $lh }  Sainte-Laguë { $sl }  NEP voix { $enp_votes }  NEP sièges { $enp_seats }
cli-el-below-national = Sous le seuil national : { $parties }
cli-el-constituencies = Circonscriptions :
cli-el-below-threshold = sous le seuil : { $parties }
cli-el-tie = Égalité dans { $constituency } à partir du siège { $seat } entre { $tied }, départagée par { $rule } : { $winners }
cli-el-note = note : { $note }
cli-el-recorded-identical = Sièges officiels enregistrés : identiques dans chaque circonscription
cli-el-recorded-differ = Les sièges officiels enregistrés diffèrent en { $n } endroit(s) :
cli-el-recorded-difference = { $constituency } : { $party } calculé { $computed }, enregistré { $recorded }
cli-el-scenario = { $name } : { $party } dissous, règle { $rule }{ $scope }, à partir des sièges { $basis }
cli-el-before = avant
cli-el-after = après
cli-el-change = écart
cli-el-seats-votes-before = sièges-voix avant
cli-el-none = aucun
cli-el-step = étape : { $step } : { $seats }
cli-el-simulation = { $name } - { $method }, { $runs } tirages, graine { $seed }, bruit { $noise } ; majorité = { $majority } sur { $seats } sièges
cli-el-mean-seats = sièges moyens
cli-el-p5 = p5
cli-el-p50 = p50
cli-el-p95 = p95
cli-el-p-majority = P(majorité)
cli-el-p-seat = P(siège)
cli-el-lots = { $n } tirage(s) avec une égalité pour un siège, départagée au sort
cli-el-apportionment = { $name } - { $method }, { $seats } sièges, au moins { $min } chacun
cli-el-unit = unité
cli-el-population = population
# --- E: the election commands' words around the engine's results and refusals (crates/cli/src/elections.rs) ---
cli-el-basis-recorded = inscrits
cli-el-basis-computed = calculés
cli-el-reading = lecture de { $file }
cli-el-reading-csv = lecture de { $file } avec { $seats }
cli-el-because = { $doing } : { $why }
cli-el-allocating = répartition de { $file }
cli-el-dissolving = dissolution de { $party } dans { $file }
cli-el-simulating = projection de { $file }
cli-el-apportioning = répartition proportionnelle de { $file }
cli-el-only-minor-parties = --declined et --highest-average ne s'appliquent qu'avec --rule minor-parties
cli-el-unknown-average = --highest-average : méthode inconnue { $name }
cli-el-noise = --noise : dirichlet:K attendu, K étant un nombre positif ; reçu { $noise }
cli-el-csv-needs-seats = { $file } est un fichier CSV de voix : donnez son fichier des sièges avec --seats SIÈGES.csv
cli-el-csv-needs-method = une élection en CSV demande --method
## errors the binary prints
cli-no-case = aucun dossier { $case } dans { $db }
cli-error = erreur : { $error }
# --- C: the command line's errors (failure.rs), its help and usage errors (help.rs), translation pending ---
# An error's chain said link by link; a command's description is cli-help-<path>, an argument's
# help cli-arg-<path>--<id> where a command gives it its own meaning, else cli-arg-<id>.
cli-err-cannot-read = impossible de lire { $path }
cli-err-cannot-write = impossible d’écrire { $path }
cli-err-cannot-create = impossible de créer { $path }
cli-err-file = { $path } : { $error }
cli-err-not-found = { $what } { $id } introuvable
cli-err-exists = { $what } { $id } existe déjà
cli-err-case-exists = le dossier { $case } existe déjà (utilisez --replace pour le remplacer)
cli-err-no-database = la base de données { $path } n’existe pas (passez --create ou lancez `accord import` pour la créer)
cli-err-unusable-database = impossible d’utiliser la base de données { $url } (donnée par --db ou ACCORD_DB) : { $reason }
cli-err-unsupported-database = adresse de base de données non prise en charge { $url } : { $reason }
cli-err-database = erreur de la base de données : { $error }
cli-err-blob = stockage des preuves : { $error }
cli-err-no-blob = aucun fichier de preuve de SHA-256 { $sha256 } dans le stockage des preuves
cli-err-log = journal : { $error }
cli-err-search = index de recherche : { $error }
cli-err-no-key-file = le fichier de clé { $path } n’existe pas
cli-err-key-file-exists = le fichier de clé { $path } existe déjà
cli-err-wrong-key = ce n’est pas la clé d’instance que la base de données désigne (elle ouvre les clés d’une autre instance)
cli-err-wrong-recovery-key = les parts ne reconstituent pas la clé de secours de cette instance (l’une a été modifiée, ou elles viennent de jeux différents)
cli-err-too-few-shares = { $given } parts données, { $needed } nécessaires
cli-err-not-bundle = { $path } : ce n’est pas un répertoire (un paquet de dossier est un répertoire)
cli-err-nothing-imported = { $path } : rien n’a été importé
cli-err-table-format = --format : { $format } n’est ni acled, ni uwazi, ni pax, ni table
cli-err-table-case = --case : dites dans quel dossier vont les lignes (il est créé s’il n’existe pas)
cli-err-evidence-too-large = { $file } : plus grand que la limite de { $limit } octets (relevez upload_limit, --upload-limit ou ACCORD_UPLOAD_LIMIT) ; rien n’a été enregistré
cli-os-not-found = fichier ou dossier introuvable ({ $os })
cli-os-permission-denied = permission refusée ({ $os })
cli-os-exists = il existe déjà ({ $os })
cli-os-is-a-directory = c’est un répertoire ({ $os })
cli-os-not-a-directory = une partie du chemin n’est pas un répertoire ({ $os })
cli-os-full = le disque est plein ({ $os })
cli-os-read-only = le système de fichiers est en lecture seule ({ $os })
cli-os-invalid-data = les données ne sont pas valides ({ $os })
cli-os-cut-short = le fichier s’arrête trop tôt ({ $os })
cli-os-other = le système a refusé ({ $os })
cli-what-case = dossier
cli-what-user = compte
cli-what-signatory = signataire
cli-what-observation = observation
cli-what-letter = lettre
cli-what-evidence-item = pièce de preuve
cli-what-finding = constat
cli-what-source = source
cli-what-record = fiche
cli-what-letter-version = version de lettre
cli-what-follow-through-record = fiche de suivi
cli-what-evidence-file-name = nom de fichier de preuve
cli-what-token = jeton
cli-what-sign-on-link = lien de signature
cli-what-record-version = version de fiche
cli-what-instance = instance
cli-what-instance-keys = clés d’instance
cli-what-incident = incident
cli-what-translation = traduction
cli-usage-unknown-argument = argument inattendu { $arg }
cli-usage-unknown-command = sous-commande inconnue { $command }
cli-usage-missing-argument = arguments obligatoires manquants : { $args }
cli-usage-missing-command = { $command } demande une sous-commande
cli-usage-missing-value = une valeur est requise pour { $arg }, aucune n’a été donnée
cli-usage-invalid-value = valeur { $value } non valide pour { $arg }
cli-usage-bad-value = valeur { $value } non valide pour { $arg } : { $reason }
cli-usage-conflict = l’argument { $arg } ne peut pas être utilisé avec { $other }
cli-usage-value-count = nombre de valeurs incorrect pour { $arg }
cli-usage-no-equals = un signe égal est nécessaire pour donner une valeur à { $arg }
cli-usage-utf8 = de l’UTF-8 non valide a été trouvé dans un ou plusieurs arguments
cli-usage-similar = astuce : il en existe un semblable : { $similar }
cli-usage-trailing = astuce : pour passer { $arg } comme valeur, écrivez -- { $arg }
cli-usage-more = Pour en savoir plus, essayez --help.
cli-help-usage = Utilisation :
cli-help-arguments = Arguments :
cli-help-options = Options :
cli-help-commands = Commandes :
cli-help-options-placeholder = OPTIONS
cli-help-command-placeholder = COMMANDE
cli-help-default = par défaut : { $values }
cli-help-values = valeurs possibles : { $values }
cli-pending-heading = { $name } ({ $tag }) : { $counts }
cli-err-not-a-file = { $path } : pas un fichier ordinaire
cli-err-exists-force = { $path } : existe déjà (utilisez --force pour le remplacer)
cli-err-no-evidence = aucune preuve { $id } dans le dossier { $case }
cli-err-no-letter = aucune lettre { $letter } dans { $case }
cli-err-export-where = dites dans quel répertoire écrire le paquet, ou donnez --format et --out
cli-err-export-format = --format : { $format } n’est ni csv, ni xlsx, ni uwazi
cli-err-then = { $first } : { $then }
cli-err-follow-invalid = --{ $field } : { $reason } ; rien n’a été inscrit
cli-err-follow-exists = { $case } a déjà une fiche { $id } (donnez-en un autre avec --id) ; rien n’a été inscrit
cli-err-follow-not-found = { $what } { $id } introuvable dans { $case } ; rien n’a été inscrit
# --- L: the command line's own errors (failure.rs `Said`), said in the language ---
cli-origin-flags = { $flags }
cli-origin-file = { $setting } dans le fichier de configuration
cli-origin-config-file = le fichier de configuration
cli-err-setting-postgres = { $name } : la base de données est PostgreSQL, qui n’a pas de répertoire à côté d’elle où garder ceci ; donnez à { $name } (option, variable ACCORD_* ou fichier de configuration) celui qu’utilise chaque serveur de l’instance
cli-err-config-read = impossible de lire le fichier de configuration { $path }
cli-err-config-toml = { $place } : { $reason }
cli-err-addr = addr : { $value } n’est pas une adresse comme 127.0.0.1:8080
cli-err-evidence-both-flags = evidence_store : --evidence-store / ACCORD_EVIDENCE_STORE et --evidence-dir / ACCORD_EVIDENCE_DIR sont donnés tous les deux ; les preuves sont en un seul endroit : gardez-en un
cli-err-upload-limit-zero = upload_limit : doit valoir au moins 1 octet
cli-err-upload-limit-s3 = upload_limit : { $limit } octets, c’est plus que n’en accepte un stockage de preuves S3 (au plus { $most } : S3 copie un objet d’au plus 5 Gio en une requête)
cli-err-log-name = log_name : { $name } n’est pas un nom de journal (ni espace ni « + » ; par exemple accord.example.org/log)
cli-err-evidence-store-url = evidence_store ({ $origin }) : { $url } n’est pas une URL s3://bucket/prefix (un répertoire se donne dans evidence_dir)
cli-err-evidence-store = evidence_store ({ $origin })
cli-err-evidence-both-settings = evidence_store : le fichier de configuration donne à la fois evidence_dir et evidence_store ; les preuves sont en un seul endroit : gardez-en un
cli-err-language = language : { $tag } n’est pas une langue que parle Accord (en, fr ou km)
cli-err-setting-value = { $setting } : { $value }
cli-err-site-setting = { $setting } ({ $origin })
cli-err-idle-timeout = idle_timeout ({ $origin }) : { $value }
cli-err-duration-syntax = un nombre et une unité, s, m, h ou d (par exemple 12h)
cli-err-duration-range = d’une minute à quatorze jours (les sessions prennent fin après deux semaines de toute façon)
cli-err-cannot-use = { $setting } : impossible d’utiliser { $path }
cli-err-evidence-dir-not-writable = evidence_dir : impossible d’écrire dans { $path }
cli-err-key-file-does-not-open = key_file : { $path } n’ouvre pas les clés de cette instance
cli-err-evidence-store-set-by = evidence_store (donné par { $origin })
cli-err-evidence-dir-missing = evidence_dir : { $path } n’est pas un répertoire (donné par { $origin }) ; créez-le, ou faites pointer le réglage vers le répertoire qui contient les fichiers de preuve
cli-err-cannot-move = impossible de déplacer { $from } vers { $to }
cli-note-key-change-finished = remarque : un changement de clé interrompu est terminé : { $path } est la clé de l’instance
cli-err-key-file-missing = les preuves de cette instance sont chiffrées et son fichier de clé { $path } est manquant : remettez le fichier en place (key_file dans la configuration, --key-file ou ACCORD_KEY_FILE disent où il est cherché), ou reconstruisez-le avec `accord keys recover --share PART …`
cli-err-key-file-wrong = le fichier de clé { $path } n’est pas la clé de cette instance (celle d’une autre instance, ou une clé que `accord keys rotate` a remplacée) : faites pointer key_file vers le bon fichier, ou reconstruisez-le avec `accord keys recover --share PART …`
cli-err-setting = { $setting }
cli-err-threshold-low = --threshold { $threshold } : il faut exiger au moins 2 parts (sans --shares, la clé de récupération est montrée entière)
cli-err-threshold-high = --threshold { $threshold } dépasse le nombre de parts créées, { $shares } (--shares)
cli-err-shares-need-threshold = --shares demande --threshold : combien de parts suffisent à reconstruire la clé
cli-err-threshold-needs-shares = --threshold demande --shares : combien de parts créer
cli-err-read-shares = impossible de lire les parts sur l’entrée standard
cli-err-cannot-remove = impossible de supprimer { $path }
cli-err-write-new-key = impossible d’écrire la nouvelle clé dans { $path }
cli-err-nothing-changed = rien n’a été modifié
cli-err-move-new-key = les clés de données sont rattachées à la nouvelle clé dans { $from }, qui n’a pas pu être déplacée vers { $to } : déplacez-la vous-même
cli-err-sealing = scellement des enregistrements restreints (rien n’a été modifié)
cli-err-keys-exist = { $db } a déjà des clés (créées le { $made }) : `accord keys rotate` remplace la clé de l’instance, `accord keys recover` en reconstruit une perdue
cli-err-key-file-in-the-way = le fichier de clé { $path } existe déjà (la clé d’une autre instance, ou un reste) : déplacez-le, ou nommez un autre fichier avec --key-file
cli-err-setting-cannot-create = { $setting } : impossible de créer { $path }
cli-err-no-keys = { $db } n’a pas de clés : les preuves sont stockées sans chiffrement (`accord keys init` crée les clés)
cli-err-nothing-to-recover = le fichier de clé { $path } ouvre les clés de cette instance : il n’y a rien à récupérer (`accord keys rotate` remplace une clé qui fonctionne)
cli-err-key-file-not-this = le fichier de clé { $path } existe mais n’est pas la clé de cette instance : déplacez-le (c’est peut-être celle d’une autre instance), puis relancez cette commande
cli-err-no-share = aucune part donnée ({ $needed ->
    [one] { $needed } nécessaire
   *[other] { $needed } nécessaires
})
cli-err-database-no-keys = la base de données n’a pas de clés
cli-err-token-usage-list = usage : accord user token list COURRIEL | accord user token revoke COURRIEL NOM
cli-err-token-usage-create = usage : accord user token COURRIEL NOM [--expires-in-days N] [--read-only]
cli-err-token-days = --expires-in-days : { $days } n’est pas un nombre de jours de 1 à { $most }
cli-err-token-name = un nom de jeton a de 1 à 100 caractères
cli-err-token-creating-flags = --expires-in-days et --read-only servent à créer un jeton
cli-err-not-an-email = { $email } n’est pas une adresse électronique
cli-err-account-exists = un compte existe déjà pour { $email }
cli-err-no-randomness = pas d’aléa disponible
cli-err-token-exists = { $email } a déjà un jeton nommé { $name } (révoquez-le d’abord, ou choisissez un autre nom)
cli-err-no-token = { $email } n’a pas de jeton nommé { $name }
cli-err-only-owner = { $email } est le seul propriétaire de { $cases } (donnez d’abord à chacun un autre propriétaire avec `accord case grant DOSSIER COURRIEL --role owner`, ou désactivez plutôt le compte)
cli-err-no-account = aucun compte pour { $email }
cli-err-read-password = impossible de lire le mot de passe sur l’entrée standard
cli-err-password-short = le mot de passe doit avoir au moins { $min } caractères
cli-err-hash-password = impossible de hacher le mot de passe
cli-err-flag = { $flag }
cli-err-flag-reason = { $flag } : { $reason }
cli-err-obs-exists = l’observation { $id } existe déjà dans { $case } (donnez-en un autre avec --id) ; rien n’a été inscrit
cli-err-obs-not-reviewed = { $case } : { $id } n’a pas été revu
cli-err-obs-header = { $file } : ligne 1 : ce n’est pas un en-tête CSV
cli-err-obs-columns = { $file } : ligne 1 : l’en-tête n’a pas de colonne { $missing } (colonnes attendues : { $expected }) ; rien n’a été importé
cli-obs-not-csv = ce n’est pas du CSV : { $reason }
cli-obs-row-twice = la ligne { $first } code déjà { $provision } pour { $date }
cli-obs-imported-already = { $provision } pour { $date } est déjà importé ({ $reason })
cli-err-obs-no-rows = { $file } : aucune ligne ; rien n’a été importé
cli-err-body-unreadable = --body { $path } : impossible de le lire
cli-err-pdf-to-stdout = --out - : un PDF ne peut pas aller sur la sortie standard ; nommez un fichier, par exemple --out lettre.pdf
cli-err-out-is-dir = --out { $path } : c’est un répertoire ; nommez un fichier à l’intérieur
cli-err-no-case-hint = aucun dossier { $case } dans { $db } (voyez `accord case list`, ou importez-en un avec `accord import RÉPERTOIRE`)
cli-err-letter-none-of = le dossier { $case } n’a pas de lettre { $letter } (ses lettres : { $letters })
cli-err-letters-none = aucune
cli-err-list = { $list }
cli-err-letter-no-language = la lettre { $letter } n’a pas de version en { $lang } (ses langues : { $langs })
cli-err-fonts = impossible de charger les polices
cli-err-render-pdf = impossible de rendre la lettre { $letter } en PDF
cli-err-write-stdout = impossible d’écrire sur la sortie standard
cli-err-letter-invalid = --{ $field } : { $reason } ; rien n’a été écrit
cli-err-letter-not-found = { $what } { $id } introuvable ; rien n’a été écrit
cli-err-backup = impossible de sauvegarder { $db } dans { $out }
cli-err-restore-into = impossible de restaurer dans { $db }
cli-err-restore-not-empty = --db : { $db } n’est pas vide ({ $held }) ; la restauration la remplacerait (ajoutez --force pour le faire)
cli-err-restore = impossible de restaurer { $backup }
cli-err-backup-sealed = cette sauvegarde est scellée avec les clés de l’instance : elle s’ouvre avec le fichier de clé de l’instance (key_file) ou avec les parts de récupération (--share)
cli-err-key-file-not-backup = key_file : { $path } n’ouvre pas cette sauvegarde
cli-err-shares-not-backup = --share : les parts ne reconstituent pas la clé de récupération de cette sauvegarde
cli-err-restore-to = impossible de restaurer { $backup } dans { $db }
cli-err-restore-no-new-key = les fichiers sont restaurés, mais une nouvelle clé d’instance n’a pas pu être créée : lancez `accord keys recover`
cli-err-restore-evidence = impossible de restaurer les fichiers de preuve de { $backup }
cli-err-scratch-dir = impossible de créer un répertoire temporaire pour l’instantané de la base de données : { $path }
cli-err-listen = addr : impossible d’écouter sur { $addr }
cli-err-demo-invalid = le dossier de référence intégré ne s’importe pas
cli-err-demo-store-file = impossible d’enregistrer le fichier de preuve de démonstration { $path }
cli-err-demo-file-changed = le fichier de preuve de démonstration { $path } n’a pas été enregistré intact
cli-err-demo-store-case = impossible d’enregistrer le dossier de référence
cli-err-search-lock-file = search_dir : impossible de créer le fichier de verrou { $path }
cli-err-search-dir-in-use = search_dir : { $path } est utilisé par un autre `accord serve` sur cette machine ; donnez à chaque serveur son propre répertoire d’index de recherche (--search-dir ou ACCORD_SEARCH_DIR)
cli-err-search-lock = search_dir : impossible de verrouiller { $path }
cli-err-search-open = impossible d’ouvrir l’index de recherche dans { $path }
cli-err-search-remove = impossible de supprimer l’ancien index de recherche { $path }
cli-err-log-key = log_key : impossible de lire ou de créer { $path }
cli-err-log-empty = le journal est vide : rien n’a encore été écrit, donc rien n’est signé
cli-err-witness-key = --witness-key { $path }
cli-err-not-cosigned = non cosigné
cli-err-cannot-sign = impossible de signer un point de contrôle
cli-err-evidence-not-added = { $file } n’a pas été ajouté au dossier { $case }
cli-err-checkpoint-after-write = la modification est enregistrée et journalisée, mais la signature d’un point de contrôle a échoué
cli-err-is-a-directory = { $path } : c’est un répertoire
cli-err-cannot-check = impossible de vérifier { $path }
cli-err-no-directory = { $path } : répertoire introuvable
cli-err-evidence-not-written = la preuve { $id } n’a pas été écrite
cli-err-package = impossible d’écrire le paquet de preuves { $path }
cli-err-bundle-refused = { $entries }
    { $root } refusé : { $n ->
        [one] { $shown } problème
       *[other] { $shown } problèmes
    } ; rien n’a été importé
cli-bundle-symlink = { $path } : un lien symbolique ; un paquet ne contient que des fichiers ordinaires et des répertoires (copiez-y plutôt le fichier)
cli-bundle-not-plain = { $path } : pas un fichier ordinaire (un périphérique, un tube ou une socket) ; un paquet ne contient que des fichiers ordinaires et des répertoires
cli-bundle-text-too-large = { $path } : plus de { $mib } Mio, le maximum pour un fichier texte d’un paquet (découpez les enregistrements en fragments, comme le fait accord export : voyez docs/case-format.md ; les fichiers de preuve vont sous evidence/)
cli-err-bundle-too-large = { $path } : les fichiers texte du paquet dépassent { $mib } Mio, le maximum qu’un paquet peut contenir ; rien n’a été importé
cli-bundle-evidence-too-large = { $path } : plus grand que la limite de { $limit } octets (relevez upload_limit, --upload-limit ou ACCORD_UPLOAD_LIMIT)
cli-err-export-symlink = { $path } : un lien symbolique ; nommez le répertoire lui-même (un export n’écrit jamais à travers un lien)
cli-err-exists-not-directory = { $path } : existe et n’est pas un répertoire
cli-err-export-not-empty = { $path } : le répertoire n’est pas vide (utilisez --force pour y écrire)
cli-err-cannot-replace = impossible de remplacer { $path }
cli-err-export-move = impossible de déplacer l’export vers { $path }
cli-err-export-read-stored = { $path } : impossible de lire le fichier conservé
cli-err-not-exported = { $path } : non exporté
cli-err-export-path = { $path } : pas un simple chemin relatif à l’intérieur du paquet
cli-err-export-link-inside = { $path } : un lien symbolique ; un export n’écrit jamais à travers un lien (supprimez-le d’abord)
cli-err-exists-directory = { $path } : existe et c’est un répertoire
cli-err-read-stored = impossible de lire le fichier de preuve conservé
cli-err-stored-bytes-differ = les octets conservés ne correspondent pas à l’enregistrement (SHA-256 { $got }, { $copied } octets ; enregistré : { $sha256 }, { $size } octets) : le fichier a été modifié ou endommagé ; lancez `accord verify`
cli-err-copy-from = --from : impossible d’ouvrir { $db }
cli-err-copy-evidence-dir = --to-evidence-dir : l’instance a des fichiers de preuve et une cible PostgreSQL n’a pas de répertoire à côté d’elle ; nommez le répertoire (ou, avec --to-evidence-store, le bucket) qu’utiliseront les serveurs de la cible
cli-err-copy = impossible de copier { $from } vers { $to }
cli-err-replace-table = --replace vaut pour les paquets ; l’import d’un tableau ajoute au dossier et met à jour ce qui a changé
cli-err-reading-stopped = la lecture du paquet s’est arrêtée
cli-err-store-evidence-file = { $path } : impossible d’enregistrer le fichier de preuve
cli-err-file-changed-while-imported = { $path } : le fichier a changé pendant son import (SHA-256 { $checked } à la vérification, { $stored } à l’enregistrement) ; rien n’a été importé
cli-bundle-problem = { $place } : { $reason }
cli-bundle-problem-field = { $place } : { $field } : { $reason }
cli-err-no-mapping = { $file } : pas de --mapping ; rien n’a été importé
cli-err-skip-bad-exists = --skip-bad : { $path } existe ; nommez un nouveau fichier pour les lignes refusées
cli-err-skip-bad-write = --skip-bad : impossible d’écrire { $path }
cli-err-export-invalid = le dossier, vu par { $reader }, n’est pas valide
cli-export-reader-public = les lecteurs extérieurs au dossier
cli-export-reader-member = le membre { $email }
cli-err-export-custody = le paquet est écrit, mais l’export de la preuve { $id } n’a pas été inscrit dans sa chaîne de possession
cli-err-export-for = --for : { $value } n’est pas un lecteur : dites `public` ou `member:COURRIEL` (une adresse électronique)
cli-err-field-syntax = --field { $field } : écrivez-le sous la forme NOM=TEXTE
cli-err-sheet-rows = trop de lignes pour une feuille
cli-err-sheet-columns = trop de colonnes pour une feuille
cli-err-symlink-out = { $path } est un lien symbolique ; rien n’est écrit à travers lui
cli-err-package-check-stopped = la vérification du paquet s’est arrêtée
cli-err-package-check = impossible de vérifier le paquet de preuves { $path }
cli-err-no-account-hint = aucun compte pour { $email } (créez-le avec accord user add)
cli-err-compose-body = lettre { $letter } : { $place } { $problem }
cli-body-line = body.md ligne { $line } :
cli-body-file = body.md :
cli-body-unknown-citation = quote({ $citation }) : aucune disposition { $citation } dans ce dossier
cli-body-bad-citation = quote({ $citation }) : ce n’est pas une référence : { $reason }
cli-body-missing-text = quote({ $citation }) : le texte de { $cite } manque au dossier
cli-body-unknown-source = cite({ $id }) : aucune source { $id } dans ce dossier
cli-body-unknown-mechanism = incidents_of({ $id }) : aucun mécanisme ni constat { $id } dans ce dossier
cli-body-reserved = le corps contient le caractère réservé U+{ $code }
cli-body-too-large = le corps fait { $bytes } octets, plus que la limite de { $max } octets
cli-body-too-deep = des citations, listes, mises en valeur, liens ou images s’imbriquent sur plus de { $max } niveaux
cli-body-too-deep-rendered = tel que son modèle le produit, le corps imbrique des citations, listes, mises en valeur, liens ou images sur plus de { $max } niveaux (ligne { $line } du texte produit)
cli-err-compose-no-letter = le dossier { $case } n’a pas de lettre { $letter }
cli-err-compose-no-language = la lettre { $letter } n’a pas de version en { $lang }
cli-err-table-not-csv = ce n’est pas un fichier CSV : { $detail }
cli-err-table-not-xlsx = ce n’est pas un classeur XLSX : { $detail }
cli-err-table-no-sheet = le classeur n’a pas de feuille { $sheet }
cli-err-table-empty = le fichier est vide : la première ligne nomme les colonnes
cli-err-mapping-toml = la correspondance n’est pas du TOML valide : { $detail }
cli-err-mapping-field = { $key } de la correspondance : { $reason }
cli-err-table-row = ligne { $row }, colonne { $column } : { $reason } (valeur { $value })
cli-err-trusted-proxy = le proxy de confiance { $value } n’est ni une adresse IP ni un réseau comme 10.0.0.0/8
cli-err-base-url = { $url } n’est pas une URL de base comme https://accord.example.org ({ $reason })
cli-err-base-url-scheme = elle doit commencer par https:// ou http://
cli-err-base-url-host = elle ne nomme aucun hôte
cli-err-base-url-characters = elle contient une espace, un caractère de contrôle ou un guillemet
cli-err-base-url-query = ni requête, ni fragment, ni nom d’utilisateur
cli-err-addr-syntax = syntaxe d’adresse de socket non valide
cli-verify-package = paquet de preuves { $path }
cli-verify-problem = { $kind } : { $what } : { $detail }
cli-verify-kind-log-entry = entrée du journal
cli-verify-kind-log-order = ordre du journal
cli-verify-kind-log-root = racine du journal
cli-verify-kind-checkpoint = point de contrôle
cli-verify-kind-record = fiche
cli-verify-kind-version = version
cli-verify-kind-evidence = preuve
cli-verify-entry = entrée { $seq }
cli-verify-the-log = le journal
cli-verify-checkpoint = point de contrôle de taille { $size }
cli-verify-version = { $record } version { $version }
cli-verify-evidence-file = fichier de preuve { $sha256 }
cli-verify-line = { $file } ligne { $line }
cli-verify-out-of-order = trouvée là où devrait être l’entrée { $expected } : une entrée a été retirée ou le journal réordonné
cli-verify-entry-changed = son contenu ne correspond pas à l’empreinte de sa feuille : l’entrée a été modifiée
cli-verify-root-differs = reconstruit à partir de ses entrées, l’arbre a { $entries } feuilles et la racine { $root }, mais le bord conservé du journal indique { $stored_size } feuilles et la racine { $stored_root }
cli-verify-signature = signature : { $error }
cli-verify-signs-more = signe un arbre de { $signed } entrées ; le journal en a { $entries }
cli-verify-signed-root-differs = la racine signée diffère de la racine des premières entrées du journal : des entrées ont été modifiées, retirées ou réordonnées après sa signature
cli-verify-no-history = enregistrée, mais sans historique : elle a été écrite à l’insu d’Accord
cli-verify-differs-from-history = diffère de sa dernière version ({ $version }, par { $actor } le { $at }) : elle a été modifiée à l’insu d’Accord
cli-verify-deleted = son historique la contient, mais elle n’est pas enregistrée : elle a été supprimée à l’insu d’Accord
cli-verify-bytes-changed = ses octets ont maintenant l’empreinte { $actual } ({ $size } octets) : le fichier a été modifié
cli-verify-unreadable = illisible : { $error }
cli-verify-version-hash = la version conservée n’a pas le SHA-256 enregistré pour elle
cli-verify-not-committed = l’entrée { $seq } du journal n’engage pas cette version de la fiche
cli-verify-leaf-differs = l’empreinte de l’entrée n’est pas celle de sa feuille
cli-verify-not-included = non incluse dans le point de contrôle signé (la preuve ne mène pas à sa racine)
cli-verify-malformed-line = ligne mal formée { $line }
cli-verify-outside-package = un chemin hors du paquet
cli-verify-hash-differs = a l’empreinte { $actual }, et non { $recorded } comme enregistré
cli-verify-no-arrival = aucune entrée du journal dans le paquet ne prouve quand ce fichier a été reçu
cli-log-nothing-to-cosign = le journal est vide : rien à cosigner
cli-log-shrank = le journal est passé de { $old } à { $new } entrées depuis la dernière cosignature de ce témoin
cli-log-not-consistent = le dernier point de contrôle n’est pas cohérent avec celui que ce témoin a cosigné à la taille { $old_size } : { $error }
cli-log-state-no-size = { $file } : la ligne de { $origin } n’a pas de taille d’arbre ; l’état du témoin est endommagé, la cohérence du journal ne peut donc pas être vérifiée (restaurez le fichier ; rien n’a été cosigné)
cli-log-state-no-root = { $file } : la ligne de { $origin } n’a pas d’empreinte de racine ; l’état du témoin est endommagé, la cohérence du journal ne peut donc pas être vérifiée (restaurez le fichier ; rien n’a été cosigné)
cli-log-edge-differs = son bord conservé ne correspond pas à sa racine signée
cli-log-entries-differ = les entrées ajoutées depuis ne mènent pas à la nouvelle racine
cli-log-not-extending = le journal ne prolonge pas son point de contrôle de taille { $size } : { $why } ; signature refusée (lancez `accord verify`)
cli-tlog-index-out-of-range = l’indice de feuille { $index } est hors d’un arbre de taille { $size }
cli-tlog-sizes-out-of-order = l’ancienne taille d’arbre { $old_size } dépasse la nouvelle { $new_size }
cli-tlog-from-empty-tree = une preuve de cohérence depuis l’arbre vide jusqu’à la taille { $new_size } ne prouve rien
cli-tlog-proof-length = la preuve a { $got } empreintes là où il en faut { $expected }
cli-tlog-root-mismatch = la preuve ne mène pas à la racine donnée { $which ->
    [old] de l’ancien arbre
    [new] du nouvel arbre
   *[tree] de l’arbre
}
cli-tlog-bad-signature = la signature de { $key } n’est pas valide
cli-tlog-no-known-signature = la note n’a aucune signature d’une clé connue
cli-tlog-checkpoint-too-short = un point de contrôle a au moins 3 lignes, celui-ci en a { $lines }
cli-tlog-empty-origin = l’origine du point de contrôle est vide
cli-tlog-bad-tree-size = la taille d’arbre { $text } n’est pas un nombre décimal sans zéros en tête
cli-tlog-bad-root-base64 = l’empreinte de racine { $text } n’est pas du base64 standard
cli-tlog-bad-root-length = l’empreinte de racine fait { $len } octets alors que SHA-256 en donne 32
cli-help-accord = Accord : tenir les gouvernements aux engagements qu’ils ont signés.
cli-help-accord-long = Accord : tenir les gouvernements aux engagements qu’ils ont signés. Les dossiers (instruments, incidents, constats, mécanismes, lettres) sont dans une base de données : par défaut le fichier SQLite ./accord.db, ou celle que nomme --db ou ACCORD_DB. Commencez par `accord import data/cases/cambodia-2017` ou `accord serve --demo`.
cli-help-help = Afficher ce message ou l’aide de la commande donnée
cli-help-serve = Servir l’interface web
cli-help-import = Importer un paquet de dossier (un répertoire ; voir docs/case-format.md), ou un tableau (ACLED, Uwazi, PA-X, un tableur) dans un dossier avec --format (voir docs/import.md)
cli-help-export = Exporter un dossier en paquet (forme canonique), ou ses incidents, constats et sources en CSV, XLSX ou CSV Uwazi avec --format
cli-help-case = Lister les dossiers et montrer leur état
cli-help-case-list = Lister les dossiers de la base de données
cli-help-case-grant = Donner à un compte un rôle dans un dossier (owner, editor, reviewer, viewer), ou le lui retirer
cli-help-case-publish = Publier pour tous une vue en lecture seule d’un dossier (ou, avec --off, le rendre à nouveau privé)
cli-help-case-status = Quels mécanismes sont déclenchés, depuis quand, par quels constats ; l’état de chaque disposition
cli-help-evidence = Fichiers de preuve : ajouter, extraire, lister, montrer, assembler pour un tribunal
cli-help-evidence-add = Ajouter un fichier comme preuve d’un incident : haché (SHA-256) pendant sa lecture, stocké une fois, jamais modifié, avec sa fiche de collecte
cli-help-evidence-get = Écrire les octets exacts d’un fichier de preuve dans un fichier (journalisé comme téléchargement)
cli-help-evidence-list = Lister les fichiers de preuve d’un dossier
cli-help-evidence-show = La fiche d’une pièce de preuve : empreinte, fiche de collecte et chaîne de possession
cli-help-evidence-custody = Inscrire dans la chaîne de possession d’une pièce ce qui en a été fait : viewed, copied, exported ou handed_over (à qui et comment dans --note) ; Accord inscrit lui-même les autres événements
cli-help-evidence-check = Vérifier maintenant les octets stockés d’une pièce : hachés à nouveau et, s’ils correspondent à leur fiche, inscrits comme vérifiés dans sa chaîne de possession ; une différence sort avec le code 1 en nommant les deux empreintes
cli-help-evidence-package = Écrire un paquet de preuves pour un tribunal ou un organe de l’ONU : les originaux, leurs fiches de collecte et de possession, SHA256SUMS, les entrées du journal qui les concernent avec leurs preuves d’inclusion dans un point de contrôle signé, et la clé de vérification (contrôlez-le avec `accord verify --package DIR`)
cli-help-log = Le journal signé, qui rend visible toute altération : clé de vérification, points de contrôle, cosignature
cli-help-log-key = Afficher la clé de vérification du journal (format signed-note : nom+keyid+clé en base64) ; la clé est créée au premier usage
cli-help-log-checkpoint = Afficher le dernier point de contrôle signé tel qu’il a été signé, en signant d’abord un nouveau si le journal a grandi
cli-help-log-cosign = Cosigner le dernier point de contrôle en tant que témoin : vérifié cohérent avec le dernier que ce témoin a cosigné, puis signé ; affiche la note cosignée
cli-help-keys = Les clés qui chiffrent les preuves stockées : init, recover, rotate, status
cli-help-keys-init = Créer la clé d’instance (un fichier) et une clé de secours, montrée une fois entière ou en parts, puis chiffrer les preuves déjà stockées
cli-help-keys-recover = Reconstituer une clé d’instance perdue à partir des parts de secours (ou de la clé de secours entière) ; rien ne change si elles ne reconstituent pas la clé de secours de cette instance
cli-help-keys-rotate = Remplacer la clé d’instance : les clés de données sont enveloppées pour une nouvelle clé, l’ancienne ne les ouvre plus, et aucun fichier de preuve n’est réécrit
cli-help-keys-status = Si l’instance a des clés, si le fichier de clé les ouvre, quelle part des preuves est chiffrée
cli-help-keys-encrypt-existing = Chiffrer les fichiers de preuve stockés avant la création des clés (init le fait ; ceci termine un init interrompu)
cli-help-verify = Vérifier que ni le journal, ni aucune fiche, ni aucun fichier de preuve (ou un paquet de preuves) n’a été altéré
cli-help-backup = Sauvegarder toute l’instance (base de données, preuves, clé du journal) pendant qu’elle tourne
cli-help-restore = Restaurer une sauvegarde dans --db (refuse de remplacer une base de données sans --force), puis vérifier
cli-help-copy = Copier toute l’instance dans une autre base de données (de SQLite vers PostgreSQL et inversement), avec son historique, son journal et ses preuves ; refuse une cible non vide sans --force
cli-help-observation = Observations de mise en œuvre : lister, ajouter, réviser, importer des tableaux de la Peace Accords Matrix
cli-help-observation-list = Lister les observations d’un dossier, de la plus anciennement inscrite à la plus récente
cli-help-observation-add = Inscrire une observation, comme brouillon à réviser
cli-help-observation-review = Confirmer, retirer ou remettre en brouillon des observations
cli-help-observation-import = Importer des codes annuels d’un tableau CSV au format de la Peace Accords Matrix
cli-help-letter = Composer et produire des lettres conjointes
cli-help-letter-list = Lister les lettres d’un dossier, avec le nombre d’organisations qui ont signé chacune
cli-help-letter-render = Produire une lettre en Markdown, HTML ou PDF (seulement les signataires vérifiés du texte actuel)
cli-help-letter-version = Ajouter la version d’une lettre dans une autre langue, ou la modifier (une traduction : qui l’a faite et quand sont inscrits, avec l’original dont elle vient)
cli-help-letter-remove-version = Retirer la version d’une lettre dans une autre langue (jamais l’original ; refusé dès qu’une organisation qui ne s’est pas retirée a signé le texte de cette langue) ; journalisé comme une modification de la lettre, dont l’historique garde le texte retiré
cli-help-letter-deliver = Inscrire qu’une lettre est parvenue à un destinataire (à qui, quand, comment)
cli-help-letter-respond = Inscrire la réponse d’un destinataire : quand, ce qu’il a fait (acted, acknowledged, declined), un résumé, son texte ou sa source
cli-help-letter-deadline = Inscrire une échéance fixée par une lettre (pour un destinataire, ou tous)
cli-help-letter-follow-up = Inscrire qu’une lettre fait suite à une lettre antérieure du même dossier
cli-help-letter-follow-through = Lister les remises, réponses, échéances et suites d’un dossier (ou d’une lettre), et ce que chaque destinataire a fait
cli-help-letter-awaiting = Les lettres qui attendent une réponse après une échéance, les plus en retard d’abord
cli-help-elections = Calculer des répartitions de sièges, des scénarios de dissolution et des simulations
cli-help-elections-allocate = Répartir les sièges d’un fichier d’élection (JSON, ou CSV avec --seats)
cli-help-elections-dissolve = Dissoudre un parti et redistribuer ses sièges selon une règle ; avant, après, et indices
cli-help-elections-simulate = Monte-Carlo : retirer les voix avec un bruit de Dirichlet et compter les sièges par parti
cli-help-elections-apportion = Répartir des sièges entre unités selon leur population (fichier de répartition)
cli-help-translation = Fiches en plusieurs langues : traduire une fiche, lister ce qui manque encore à une langue
cli-help-translation-add = Ajouter ou modifier la traduction d’une fiche dans une langue
cli-help-translation-remove = Retirer la traduction d’une fiche dans une langue (l’historique de la fiche la garde)
cli-help-translation-original = Dire dans quelle langue une fiche a été écrite ; avec --kind case et l’identifiant du dossier, dans quelle langue les fiches du dossier sont écrites
cli-help-translation-pending = Lister les textes pas encore traduits dans une langue, ou dont la traduction n’est plus à jour (toutes les langues sauf celle du dossier sans --lang)
cli-help-user = Créer des comptes et des jetons d’API
cli-help-user-add = Créer un compte
cli-help-user-disable = Désactiver un compte : il ne peut plus se connecter, ses sessions prennent fin, ses jetons sont refusés
cli-help-user-enable = Réactiver un compte désactivé (ses jetons fonctionnent de nouveau ; il se reconnecte)
cli-help-user-delete = Supprimer un compte avec ses sessions, ses jetons et ses rôles dans les dossiers (ce qu’il a écrit reste)
cli-help-user-password = Définir un nouveau mot de passe (lu sur l’entrée standard) ; toutes les sessions du compte prennent fin
cli-help-user-token = Jetons d’API : token EMAIL NAME en crée un et l’affiche (une fois) ; token list EMAIL les liste ; token revoke EMAIL NAME en révoque un
cli-help-bench-data = Produire un grand dossier synthétique (anglais et khmer) pour les mesures de performance
cli-help-after-elections = Fichier d’élection (JSON) : name, method, threshold, constituency_threshold et constituencies, chacune avec son name, ses seats, ses votes par parti et ses blank_votes ; facultatifs : first_divisor, threshold_rule (any, all), ties (error, most-votes, lot) avec seed, notes, sources, recorded_seats par circonscription et les résultats inscrits (breakdown, dissolutions) que lit dissolve --rule recorded ; un champ inconnu est une erreur (le README d’accord-elections liste tous les champs). Méthodes : dhondt, sainte-lague, modified-sainte-lague, imperiali, danish, huntington-hill, adams, hare, droop, cambodia et leurs alias. Entrée CSV : un fichier de voix (constituency,party,votes) et --seats SEATS.csv (constituency,seats[,blank_votes]), tous deux avec une ligne d’en-tête. Fichier de répartition (JSON) : name, method, seats, min_seats et populations par unité.
cli-arg-db = Base de données : le chemin d’un fichier SQLite ou une adresse postgres:// [par défaut : ./accord.db]
cli-arg-config = Fichier de configuration (TOML : db, addr, font_paths, evidence_dir, evidence_store, log_key, log_name, upload_limit, key_file, language)
cli-arg-evidence-dir = Répertoire des fichiers de preuve [par défaut : le chemin de la base + .evidence]
cli-arg-evidence-store = Les preuves dans un stockage objet compatible S3 au lieu d’un répertoire : s3://bucket/prefix (point d’accès, région et identifiants dans AWS_ENDPOINT, AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_ALLOW_HTTP…)
cli-arg-log-key = La clé de signature du journal, créée au premier usage [par défaut : le chemin de la base + .log-key]
cli-arg-log-name = Le nom du journal (origine des points de contrôle) quand sa clé est créée, par exemple accord.example.org/log
cli-arg-upload-limit = Le plus grand fichier de preuve accepté, en octets [par défaut : 4294967296 (4 Gio)]
cli-arg-key-file = Le fichier de clé d’instance, qui ouvre les clés chiffrant les preuves (`accord keys init` le crée) ; gardez-le hors du disque des données [par défaut : le chemin de la base + .instance-key]
cli-arg-base-url = L’adresse publique du site, par exemple https://accord.example.org : les liens de signature en sont faits (jamais de l’en-tête Host de la requête)
cli-arg-idle-timeout = Une session inutilisée pendant cette durée prend fin (30m, 12h, 1d) [par défaut : 12h]
cli-arg-help = Afficher l’aide
cli-arg-version = Afficher la version
cli-arg-json = Écrire le résultat en JSON
cli-arg-case = L’identifiant du dossier
cli-arg-letter = L’identifiant de la lettre
cli-arg-by = Inscrit comme auteur du changement dans le journal
cli-arg-id = L’identifiant de la nouvelle fiche [par défaut : un identifiant tiré de son contenu]
cli-arg-lang = La langue : une étiquette BCP 47 (km, fr, fr-CA…)
cli-arg-out = Le fichier à écrire
cli-arg-force = Remplacer ce qui existe déjà
cli-arg-date = Le jour (AAAA-MM-JJ)
cli-arg-as-of = Le jour pour lequel calculer (AAAA-MM-JJ) : seul compte ce qui a pu se produire jusque-là [par défaut : aujourd’hui]
cli-arg-note = Une note
cli-arg-source = L’identifiant d’une source du dossier
cli-arg-incident = L’identifiant de l’incident
cli-arg-email = L’adresse électronique du compte
cli-arg-kind = Le type de fiche : case, instrument, provision, actor, source, incident ou mechanism
cli-arg-title = Le titre
cli-arg-place = Le lieu
cli-arg-dry-run = Tout vérifier et dire ce qui serait écrit ; ne rien écrire
cli-arg-replace = Remplacer le dossier s’il existe (sinon un dossier existant est refusé)
cli-arg-provision = La référence de la disposition, par exemple ACPS Art. 29
cli-arg-coded-by = Qui l’a codé
cli-arg-password-stdin = Lire le mot de passe sur l’entrée standard (jamais sur la ligne de commande)
cli-arg-share = Une part de secours, ou la clé de secours entière (répétez pour chaque part) ; les arguments sont visibles des autres utilisateurs de la machine pendant la commande : --shares-stdin ne l’est pas
cli-arg-shares-stdin = Lire les parts sur l’entrée standard, une par ligne
cli-arg-shares = Diviser la clé de secours en autant de parts (avec --threshold) au lieu de la montrer entière
cli-arg-threshold = Combien de parts suffisent à reconstituer la clé
cli-arg-file = Fichier d’élection : JSON, ou un CSV de voix (constituency,party,votes) avec --seats
cli-arg-method = La méthode de répartition, à la place de celle du fichier (obligatoire pour un CSV)
cli-arg-seats = CSV des sièges (constituency,seats[,blank_votes]) pour un CSV de voix
cli-arg-name = Pour un CSV : le nom de l’élection [par défaut : le nom du fichier]
cli-arg-constituency-threshold = Pour un CSV : seuil de circonscription, une fraction des voix valides de la circonscription
cli-arg-threshold-rule = Pour un CSV : comment les deux seuils se combinent quand les deux sont donnés (any, all)
cli-arg-first-divisor = Pour un CSV : premier diviseur de modified-sainte-lague
cli-arg-ties = Pour un CSV : règle d’égalité (error, most-votes, lot)
cli-arg-tie-seed = Pour un CSV : graine pour ties = lot
cli-arg-party = Le parti dissous
cli-arg-rule = Comment ses sièges sont redistribués
cli-arg-scope = Pour minor-parties : compter les partis sans siège au niveau national ou par circonscription
cli-arg-declined = Pour minor-parties : les partis qui refusent les sièges qui leur reviennent (leurs sièges passent aux partis déjà représentés)
cli-arg-basis = Partir des sièges officiels inscrits ou des sièges calculés [par défaut : inscrits quand chaque circonscription a recorded_seats]
cli-arg-highest-average = Pour minor-parties : la méthode de la plus forte moyenne [par défaut : dhondt]
cli-arg-runs = Nombre de tirages
cli-arg-seed = Graine : la même graine donne le même résultat sur n’importe quel nombre de cœurs
cli-arg-noise = Modèle de bruit, dirichlet:K (parts tirées de Dirichlet(K x parts observées))
cli-arg-addr = Adresse d’écoute [par défaut : 127.0.0.1:8080, ou ACCORD_ADDR, ou addr du fichier de configuration]
cli-arg-demo = Charger le dossier de référence (Cambodge 2017) s’il n’y est pas, et le publier en lecture seule
cli-arg-secure-cookies = Marquer les cookies Secure (quand Accord est joint en HTTPS)
cli-arg-search-dir = Répertoire de l’index plein texte de ce serveur ; chaque serveur a besoin du sien [par défaut : le chemin de la base + .search]
cli-arg-trusted-proxy = Un proxy inverse (adresse ou réseau, par exemple 10.0.0.0/8) dont l’en-tête X-Forwarded-For donne l’adresse du client ; répétez pour plusieurs
cli-arg-import--path = Le répertoire du paquet, par exemple data/cases/cambodia-2017 ; avec --format, un fichier CSV ou XLSX
cli-arg-import--format = Importer un tableau au lieu d’un paquet : acled, uwazi, pax ou table (un tableur, avec --mapping) ; voir docs/import.md
cli-arg-import--case = Le dossier où vont les lignes (créé s’il n’existe pas)
cli-arg-import--title = Le titre d’un dossier que l’import crée
cli-arg-mapping = Le fichier de correspondance (TOML) d’un tableur : quelle colonne est quel champ
cli-arg-skip-bad = Importer les bonnes lignes et écrire les mauvaises, avec une colonne disant ce qui ne va pas, dans OUT (par défaut, une mauvaise ligne empêche tout import)
cli-arg-export--path = Le répertoire où écrire le paquet ; il ne doit pas exister ou doit être vide
cli-arg-export--format = Exporter incidents, constats et sources en tableaux au lieu d’un paquet : csv (un fichier chacun), xlsx (une feuille chacun) ou uwazi (les incidents en CSV Uwazi)
cli-arg-export--out = Avec --format : le fichier à écrire (csv en écrit trois : -incidents, -findings, -sources)
cli-arg-export--force = Écrire dans un répertoire qui a déjà des fichiers (ou par-dessus un fichier --out existant)
cli-arg-for-reader = Exporter ce que ce lecteur peut voir : public (les lecteurs hors du dossier) ou member:EMAIL (un membre qui n’est pas propriétaire) ; ce qu’il ne peut pas voir est omis et OMITTED.md le liste, sans contenu [par défaut : tout, comme le voient les propriétaires du dossier]
cli-arg-role = Le rôle : owner, editor, reviewer ou viewer, ou none pour le retirer
cli-arg-off = Rendre le dossier à nouveau privé
cli-arg-evidence-add--file = Le fichier (de toute taille jusqu’à la limite ; il est lu en flux, jamais gardé en mémoire)
cli-arg-evidence-add--id = L’identifiant de la preuve [par défaut : tiré du nom du fichier]
cli-arg-evidence-add--method = Comment elle a été recueillie : photo, screenshot, download, scan, recording, witness…
cli-arg-captured-at = Quand elle a été recueillie (AAAA-MM-JJ ou une date et une heure)
cli-arg-captured-by = Qui l’a recueillie
cli-arg-source-url = L’adresse web d’où elle a été recueillie
cli-arg-tool = L’outil utilisé pour la recueillir
cli-arg-derived-from = L’identifiant de la preuve dont celle-ci est tirée (une copie caviardée nomme son original)
cli-arg-what = Ce que montre le fichier
cli-arg-evidence-get--id = L’identifiant de la preuve
cli-arg-evidence-show--id = L’identifiant de la preuve
cli-arg-evidence-custody--id = L’identifiant de la preuve
cli-arg-evidence-check--id = L’identifiant de la preuve
cli-arg-evidence-custody--action = Ce qui en a été fait : viewed, copied, exported ou handed_over
cli-arg-evidence-get--out = Le fichier où écrire les octets
cli-arg-evidence-package--out = Le répertoire où écrire le paquet
cli-arg-witness-key = La clé de signature du témoin (créée au premier usage)
cli-arg-state = Où le témoin garde le dernier point de contrôle qu’il a cosigné [par défaut : le fichier de clé + .state]
cli-arg-log-cosign--name = Le nom du témoin dans sa clé de vérification, quand la clé est créée
cli-arg-package = Vérifier un paquet de preuves (un répertoire écrit par evidence package) au lieu de la base de données, hors ligne
cli-arg-backup--out = Un répertoire nouveau (ou vide) où écrire la sauvegarde
cli-arg-backup = Un répertoire de sauvegarde écrit par `accord backup`
cli-arg-restore--force = Remplacer la base de données existante
cli-arg-restore--share = Une part de secours (répétez jusqu’au seuil) : ouvre une sauvegarde scellée quand le fichier de clé d’instance est perdu, et crée un nouveau fichier de clé avant de vérifier
cli-arg-copy--from = La base de données à copier [par défaut : la base configurée (--db, ACCORD_DB ou le fichier de configuration), dont les réglages de preuves s’appliquent]
cli-arg-copy--to = La base de données où copier : un fichier SQLite ou une adresse postgres:// ; elle doit être vide, sauf avec --force
cli-arg-to-evidence-dir = Le répertoire des preuves de la copie [par défaut : pour une cible SQLite, la cible + .evidence ; obligatoire pour une cible PostgreSQL quand l’instance a des preuves]
cli-arg-to-evidence-store = Copier les preuves dans un stockage objet compatible S3 (s3://bucket/prefix ; point d’accès et identifiants dans l’environnement AWS_*) au lieu d’un répertoire
cli-arg-copy--force = Copier dans une base de données non vide (ses lignes sont remplacées)
cli-arg-observation-add--date = L’année ou le jour observé (AAAA ou AAAA-MM-JJ ; pas après aujourd’hui, pas avant l’instrument)
cli-arg-score = La note sur l’échelle de la Peace Accords Matrix (0 non mise en œuvre, 1 minimale, 2 intermédiaire, 3 mise en œuvre complète)
cli-arg-ids = Les identifiants des observations
cli-arg-status = Le nouvel état : confirmed, retracted ou draft
cli-arg-observation-import--file = Le fichier CSV
cli-arg-observation-import--sources = Une source du dossier dont vient le tableau (répétez pour plusieurs)
cli-arg-observation-import--coded-by = Qui a codé le tableau
cli-arg-letter-render--format = Format de sortie : md (Markdown), html (une page imprimable) ou pdf (A4)
cli-arg-letter-render--out = Fichier de sortie (- pour la sortie standard, Markdown et HTML seulement)
cli-arg-letter-render--lang = La langue à produire (celle de l’original si elle n’est pas donnée) : une version dans une autre langue est produite avec son propre texte et les signatures qui lui ont été données
cli-arg-body = Le corps dans cette langue, depuis un fichier (Markdown avec les fonctions de modèle de la lettre : quote, cite, incidents_of, footnote)
cli-arg-addressees = Les destinataires de l’original dans cette langue, dans l’ordre de l’original, un drapeau chacun : nom | titre | organisation | rôle (sans eux, la version imprime ceux de l’original)
cli-arg-cc = Les lignes CC de l’original dans cette langue, dans l’ordre, un drapeau chacune (sans elles, celles de l’original)
cli-arg-sources = Une source du dossier qui l’appuie (répétez pour plusieurs)
cli-arg-closing = La formule de politesse dans cette langue
cli-arg-letter-deliver--to = Le destinataire, tel que la lettre le nomme (un identifiant d’acteur ou un nom)
cli-arg-letter-deliver--method = Comment elle a été remise : email, post, hand, fax ou other
cli-arg-letter-respond--from = Le destinataire qui a répondu, tel que la lettre le nomme
cli-arg-letter-respond--action = Ce qu’il a fait : acted, acknowledged ou declined
cli-arg-summary = Un résumé de la réponse
cli-arg-text = Le texte de la réponse
cli-arg-asked = Ce que la lettre demandait pour cette date
cli-arg-addressee = Le destinataire concerné par l’échéance [par défaut : tous les destinataires]
cli-arg-cites = L’identifiant de la lettre antérieure à laquelle elle fait suite
cli-arg-letter-follow-through--letter = Seulement les fiches de cette lettre (et les suites qui la citent)
cli-arg-elections-apportion--file = Fichier de répartition (JSON)
cli-arg-elections-apportion--method = La méthode de répartition, à la place de celle du fichier
cli-arg-elections-allocate--threshold = Pour un CSV : seuil national, une fraction des voix valides nationales
cli-arg-elections-dissolve--threshold = Pour un CSV : seuil national, une fraction des voix valides nationales
cli-arg-elections-simulate--threshold = Pour un CSV : seuil national, une fraction des voix valides nationales
cli-arg-translation-add--id = L’identifiant de la fiche (la référence d’une disposition : ACPS Art. 29 ; l’identifiant du dossier lui-même)
cli-arg-translation-remove--id = L’identifiant de la fiche (la référence d’une disposition : ACPS Art. 29 ; l’identifiant du dossier lui-même)
cli-arg-translation-original--id = L’identifiant de la fiche (la référence d’une disposition ; l’identifiant du dossier avec --kind case)
cli-arg-fields = Un champ traduit, sous la forme NOM=TEXTE (title, summary, place, name, heading, text, notes, note ou action, selon le type) ; répétez pour plusieurs
cli-arg-translator = Qui l’a traduit [par défaut : celui que nomme --by]
cli-arg-translation-pending--lang = La langue : une étiquette BCP 47 [par défaut : toutes les langues sauf celle du dossier]
cli-arg-admin = Faire du compte un administrateur (il peut créer des dossiers et gérer tous les dossiers)
cli-arg-args = EMAIL NAME, ou list EMAIL, ou revoke EMAIL NAME
cli-arg-expires-in-days = Le jeton expire après ce nombre de jours [par défaut : jamais]
cli-arg-read-only = Le jeton ne peut que lire (lire et écrire sinon)
cli-arg-incidents = Combien d’incidents
cli-arg-findings = Combien de constats
cli-arg-bench-data--case = L’identifiant du dossier à produire
cli-arg-bench-data--seed = Graine du générateur : la même graine donne le même dossier
cli-arg-publish = Publier le dossier en lecture seule
## A table import's row problems (L4), said by kind; the English is the importers' own words
refusal-import-acled-column = un export ACLED a cette colonne ; ce fichier est-il bien un fichier ACLED (--format acled) ?
refusal-import-pax-column = un fichier d’accords PA-X a cette colonne ; est-ce bien le CSV de PA-X (--format pax) ?
refusal-import-pax-agtid = AgtId est le numéro d’accord de PA-X
refusal-import-agreement-name = chaque accord a un nom
refusal-import-pax-code = un code de disposition PA-X vaut 0, 1, 2 ou 3 (sinon la colonne n’est pas une colonne de PA-X)
refusal-import-title = chaque fiche a besoin d’un titre
refusal-import-id-empty = la colonne d’identifiant est vide : chaque ligne a besoin de son identifiant pour qu’un second import la retrouve
refusal-import-geolocation = une géolocalisation s’écrit lat|lon, par ex. 11.5564|104.9282
refusal-import-url = pas une adresse web vers laquelle Accord peut faire un lien
refusal-import-event-id = pas un identifiant d’événement : lettres, chiffres, « . », « _ » ou « - », 100 au plus
refusal-import-utf8 = la ligne n’est pas du texte UTF-8 : enregistrez le fichier en UTF-8
refusal-import-duplicate = la ligne { $row } a déjà cet identifiant : chaque ligne est une fiche
refusal-import-mapping-column = la correspondance associe { $field } à cette colonne, que le fichier n’a pas
refusal-import-mapping-required = la correspondance doit dire quelle colonne est le champ { $field } ({ $example })
refusal-import-kind = pas un type d’incident : dites ce que c’est dans les [kinds] de la correspondance ({ $example }) ; les types sont { $kinds }
refusal-import-unreadable = la ligne ne peut pas être lue : { $detail }
refusal-import-not-date = pas une date
refusal-import-date-day-month = pas une date : attendu par ex. 23 Oct 2017
refusal-import-date-month-day = pas une date : attendu par ex. Oct 23, 2017
refusal-import-date-month = pas une date : attendu par ex. Oct 2017
refusal-import-date-year = pas une date : une date en chiffres a besoin d’une année à quatre chiffres
refusal-import-date-ymd = pas une date dans l’ordre année, mois, jour ({ $setting })
refusal-import-date-order = le jour et le mois sont tous deux des nombres : dites lequel vient en premier avec { $dmy } ou { $mdy } dans la correspondance
refusal-import-unix-time = pas une heure Unix
refusal-import-unix-range = une heure Unix hors des limites
refusal-import-no-day = le { $day } n’existe pas
refusal-import-date-any = pas une date : attendu 2017-10-23, 2017-10, 2017, 23 Oct 2017 ou une date en chiffres dans l’ordre date_order de la correspondance
# A value outside a vocabulary (vocabulary-<name>), a score, a TOML key, a bundle's file (refusals.rs)
refusal-bundle-unknown-file = fichier inconnu dans un paquet de dossier (voyez docs/case-format.md pour son organisation)
refusal-bundle-no-case-file = manquant : tout paquet a besoin d’un case.toml
refusal-bundle-unnamed-evidence = un fichier de preuve qu’aucune fiche de evidence.toml ne nomme
refusal-bundle-no-file = { $path } : aucun fichier de ce nom dans le paquet
refusal-bundle-utf8 = ce n’est pas du texte UTF-8 (octet { $byte })
refusal-bundle-text-too-large = plus de { $mib } Mio, le maximum pour un fichier texte d’un paquet (découpez les enregistrements en fragments, comme le fait accord export : voyez docs/case-format.md ; les fichiers de preuve vont sous evidence/)
refusal-bundle-cannot-read = illisible : { $detail }
refusal-score = { $value } n’est pas sur l’échelle de la Peace Accords Matrix : 0 (non mise en œuvre), 1 (minimale), 2 (intermédiaire) ou 3 (complète)
refusal-unknown-key = clé inconnue `{ $key }` : les clés admises ici sont { $expected }
refusal-missing-key = la clé `{ $key }` manque
refusal-unknown-name = { $what } : valeur inconnue « { $value } » (valeurs admises : { $expected })
refusal-mapping-field = pas un champ ; les champs sont { $fields } et title__LANG (title__km)
refusal-mapping-separator = un seul caractère, par exemple { $example }
refusal-mapping-date-order = « { $value } » n’est ni dmy, ni mdy, ni ymd
vocabulary-role = rôle
vocabulary-custody-action = action de possession
vocabulary-delivery-method = mode de remise
vocabulary-response-action = type de réponse
vocabulary-outcome = issue
vocabulary-instrument-kind = type d’instrument
vocabulary-text-status = état du texte
vocabulary-actor-kind = type d’acteur
vocabulary-incident-kind = type d’incident
vocabulary-verdict = verdict
vocabulary-finding-status = état du constat
vocabulary-signature-state = état de la signature
vocabulary-signatory-order = ordre des signataires
vocabulary-record-kind = type de fiche
vocabulary-translation-state = état de la traduction
vocabulary-provision-state = état de la disposition
vocabulary-observation-status = état de l’observation
vocabulary-sensitivity = sensibilité
## The OpenAPI document's operation summaries (L4), by operation id; their English is the code's
api-op-list-cases = Les dossiers que l’appelant peut voir : les siens, tous les dossiers pour un administrateur, et les dossiers publiés.
api-op-get-case = Un dossier.
api-op-list-actors = Les acteurs d’un dossier, dans l’ordre du paquet.
api-op-get-actor = Un acteur.
api-op-list-awaiting = Les lettres en attente de réponse au-delà d’une échéance, les plus en retard d’abord (`?as_of=YYYY-MM-DD` : comptées ce jour-là, d’après les enregistrements de ce jour).
api-op-get-evidence = La fiche d’une preuve : empreinte, fiche de collecte, chaîne de possession.
api-op-add-custody-event = Enregistrer ce qui a été fait d’une preuve (rédacteurs et propriétaires) : consultée, copiée, exportée ou remise à une autre organisation.
api-op-download-evidence = Les octets exacts de la preuve (consignés comme `downloaded` dans sa chaîne de possession). Les images matricielles gardent leur type ; tout le reste est envoyé comme `application/octet-stream`, en pièce jointe.
api-op-list-findings = Les constatations d’un dossier, dans l’ordre où elles ont été enregistrées.
api-op-create-finding = Ajouter une constatation en brouillon (rédacteurs et propriétaires).
api-op-get-finding = Une constatation.
api-op-finding-history = Chaque version d’une constatation, de la plus ancienne à la plus récente (ses décisions de relecture comprises).
api-op-set-finding-status = Confirmer, retirer ou remettre en brouillon une constatation (relecteurs et propriétaires).
api-op-list-incidents = La chronologie d’un dossier : les plus récents d’abord, filtrée, cherchée, par pages.
api-op-create-incident = Enregistrer un incident (rédacteurs et propriétaires).
api-op-get-incident = Un incident.
api-op-update-incident = Remplacer les champs d’un incident (rédacteurs et propriétaires) ; ses preuves sont conservées.
api-op-upload-evidence = Téléverser un fichier qui documente un incident (rédacteurs et propriétaires). Le corps est constitué des octets du fichier, en flux : il est haché et stocké à mesure qu’il arrive, jamais gardé en entier en mémoire.
api-op-incident-history = Chaque version d’un incident, de la plus ancienne à la plus récente.
api-op-get-follow-through = Les remises, réponses, échéances et relances d’une lettre, et ce qu’a fait chaque destinataire.
api-op-create-follow-through = Enregistrer une remise, une réponse, une échéance ou une relance d’une lettre (rédacteurs et propriétaires).
api-op-get-letter-versions = Les langues d’une lettre.
api-op-put-letter-version = Ajouter ou modifier la version de la lettre en `lang` (propriétaires) : qui l’a traduite (l’appelant) et la date du jour sont enregistrés avec l’original dont elle est tirée ; consigné comme une modification de la lettre.
api-op-delete-letter-version = Supprimer la version de la lettre en `lang` (propriétaires) : la lettre est enregistrée sans elle, consigné comme une modification de la lettre (son historique garde le texte supprimé). Refusé tant qu’une organisation qui ne s’est pas retirée a signé dans cette langue.
api-op-list-observations = Les observations d’un dossier, dans l’ordre où elles ont été enregistrées.
api-op-create-observation = Enregistrer une observation en brouillon (rédacteurs et propriétaires).
api-op-get-observation = Une observation.
api-op-set-observation-status = Confirmer, retirer ou remettre en brouillon une observation (relecteurs et propriétaires). Personne ne confirme une observation qu’il a codée ou enregistrée, sauf si le propriétaire du dossier autorise l’auto-relecture.
api-op-list-provisions = Chaque disposition des instruments du dossier, dans l’ordre des instruments.
api-op-get-provision = Une disposition, par sa référence (encodée pour une URL : `FPA%20Art.%203(1)`).
api-op-list-sources = Les sources d’un dossier, dans l’ordre où elles ont été enregistrées.
api-op-create-source = Ajouter une source (rédacteurs et propriétaires).
api-op-get-source = Une source.
api-op-source-history = Chaque version d’une source, de la plus ancienne à la plus récente.
api-op-get-case-status = Quels mécanismes sont déclenchés, depuis quand et par quelles constatations, et l’état de chaque disposition : le contrat d’état du dossier, le même JSON que `accord case status CASE --json`. Avec `as_of`, l’état tel qu’il était ce jour-là (le JSON porte alors `as_of`).
api-op-list-translations = Les langues de chaque fiche, telles que l’appelant peut les voir.
api-op-translate-record = Ajouter ou modifier la traduction d’une fiche dans une langue (rédacteurs et propriétaires).
api-op-remove-translation = Supprimer la traduction d’une fiche dans une langue (rédacteurs et propriétaires) : une nouvelle version des langues de la fiche ; son historique garde le texte supprimé.
api-op-set-original-language = Dire dans quelle langue une fiche a été écrite (rédacteurs et propriétaires), ou, avec le type `case` et l’identifiant du dossier, dans quelle langue les fiches du dossier sont écrites (propriétaires).

## The OpenAPI document's other texts (L7): each parameter, response, schema and field description, by operation id or schema; their English is the code's
api-schema-Actor = Quelqu’un qui agit ou subit : un État, un ministère, un responsable, un parti, une ONG.
api-schema-Actor-id = Unique dans le dossier.
api-schema-Actor-kind = `state`, `government_body`, `official`, `party`, `organisation`, ...
api-schema-Actor-members = Pour les groupes et les organes : les identifiants des acteurs qui les composent.
api-schema-Actor-restricted-to = Pour un acteur restreint : les membres (par adresse électronique) à qui il est montré, en plus des propriétaires.
api-schema-Actor-sensitivity = Qui peut voir l’acteur : `public`, `case` ou `restricted`.
api-schema-ActorRole = Un acteur et le rôle qu’il a joué.
api-schema-ActorRole-actor = Identifiant de l’acteur.
api-schema-ActorRole-role = `perpetrator`, `target`, `victim`, `witness` ou `other`.
api-schema-AddresseeWording = Comment un destinataire est écrit dans une langue : qui il est reste celui de l’original.
api-schema-AddresseeWording-role = Texte libre (« coprésident »).
api-schema-Awaiting = Une échéance passée sans réponse.
api-schema-Awaiting-addressee = Le destinataire qu’elle engage (absent : chaque destinataire).
api-schema-Awaiting-date = `YYYY-MM-DD`.
api-schema-Awaiting-deadline = L’identifiant de l’enregistrement d’échéance.
api-schema-CaptureRecord = Comment une pièce a été collectée.
api-schema-Case = Un dossier et ce que l’appelant peut y faire.
api-schema-Case-findings = Les constatations : toutes pour les membres du dossier ; seulement les confirmées pour les autres.
api-schema-Case-period = La période que couvre le dossier (`2030-01..2030-06`).
api-schema-Case-version = Augmentée à chaque modification du dossier.
api-schema-CaseLanguages = Les langues d’un dossier : celle dans laquelle ses enregistrements sont écrits, et les traductions de chaque enregistrement.
api-schema-CaseLanguages-language = Étiquette BCP 47 de la langue dans laquelle les enregistrements du dossier sont écrits (`en` quand le dossier ne le dit pas).
api-schema-CaseLanguages-records = Les enregistrements qui ont des traductions ou ont été écrits dans une autre langue, dans l’ordre où ils ont été ajoutés.
api-schema-CaseListItem = Un dossier de la liste.
api-schema-CaseListItem-access = Pourquoi l’appelant voit le dossier : son rôle, `administrator` ou `published`.
api-schema-CaseListItem-country = ISO 3166-1 alpha-2.
api-schema-CaseListItem-published = Si le dossier est publié, en lecture seule, pour tout le monde.
api-schema-CaseListItem-role = Le rôle de l’appelant dans le dossier : `owner`, `editor`, `reviewer`, `viewer`, ou null.
api-schema-CaseListItem-updated-at = Quand le dossier a changé pour la dernière fois (UTC).
api-schema-CaseStatus = L’état de déclenchement d’un dossier (docs/contracts.md) : `accord case status CASE --json` et `GET /api/v1/cases/{"{"}id{"}"}/status`.
api-schema-CaseStatus-as-of = `YYYY-MM-DD` : présent quand l’état a été calculé à ce jour (`--as-of`, `?as_of=`), d’après les incidents qui ont pu avoir lieu jusque-là et les constatations qui les visent.
api-schema-CaseStatus-case = L’identifiant du dossier.
api-schema-CustodyEvent = Un événement de la chaîne de possession d’une pièce.
api-schema-CustodyEvent-action = `received`, `viewed`, `downloaded`, `copied`, `exported`, `handed_over`, `verified` ou `derived`.
api-schema-CustodyEvent-at = En UTC, `YYYY-MM-DDTHH:MM:SSZ`.
api-schema-CustodyInput = Un événement à ajouter à la chaîne de possession d’une pièce.
api-schema-CustodyInput-action = `viewed`, `copied`, `exported` ou `handed_over` (les autres sont enregistrés par Accord quand ils ont lieu).
api-schema-CustodyInput-note = À qui, où, comment ; obligatoire pour `handed_over`.
api-schema-Derivation = Ce à partir de quoi une copie de travail a été faite.
api-schema-ErrorBody = Le corps de chaque réponse d’erreur (construit par [`ApiError`]).
api-schema-Evidence = Un élément de preuve.
api-schema-EvidenceItem = Une pièce : l’empreinte et le type du fichier, sa fiche de collecte et sa chaîne de possession.
api-schema-EvidenceItem-custody = Du plus ancien au plus récent.
api-schema-EvidenceItem-derived-from = Renseigné pour une copie de travail : l’original et ce qui a été fait.
api-schema-EvidenceItem-file = Son nom dans le dossier (et dans le répertoire `evidence/` d’un paquet).
api-schema-EvidenceRefRecord = Un fichier qu’un incident nomme par son empreinte.
api-schema-Finding = Des incidents qualifiés au regard d’une disposition.
api-schema-Finding-incidents = Identifiants des incidents.
api-schema-Finding-provision = La référence canonique de la disposition.
api-schema-Finding-status = `draft`, `confirmed` ou `retracted` ; seules les constatations confirmées comptent pour les déclenchements.
api-schema-Finding-verdict = `violation`, `threat_of_violation` ou `concern`.
api-schema-FindingInput = Une nouvelle constatation ; elle est enregistrée comme brouillon, pour qu’un relecteur la confirme.
api-schema-FindingInput-incidents = Identifiants d’incidents du dossier (au moins un).
api-schema-FindingInput-provision = Une référence d’une disposition du dossier (`FPA Art. 3(1)`).
api-schema-FindingInput-rationale = Pourquoi les incidents justifient ce verdict.
api-schema-FindingRecord = Le JSON canonique d’une constatation, tel que versionné et journalisé.
api-schema-FindingStatusInput = Une décision de relecture.
api-schema-FindingStatusInput-status = `confirmed`, `retracted` ou `draft`.
api-schema-FindingVersion = Une version d’une constatation.
api-schema-FindingVersion-record = La constatation telle qu’elle était ; null si cette version l’a supprimée.
api-schema-FollowThroughInput = Un nouvel enregistrement. `kind` dit quels champs il prend : `delivery` (`to`, `date`, `method`, `note`?), `response` (`from`, `date`, `action`, `summary`, `text`?, `source`?), `deadline` (`date`, `asked`, `addressee`?) ou `follow_up` (`cites`).
api-schema-FollowThroughInput-id = L’identifiant de l’enregistrement ; un identifiant lisible s’il est absent.
api-schema-FollowThroughRecord = Une remise, une réponse, une échéance ou une relance. Les champs présents dépendent de `kind`.
api-schema-FollowThroughRecord-action = Ce qu’a fait un destinataire qui répond : `acted`, `acknowledged` ou `declined`.
api-schema-FollowThroughRecord-addressee = Le destinataire qu’une échéance engage (absent : chaque destinataire).
api-schema-FollowThroughRecord-asked = Ce que demande une échéance.
api-schema-FollowThroughRecord-cites = La lettre antérieure qu’une relance cite.
api-schema-FollowThroughRecord-date = `YYYY-MM-DD` (pas pour une relance).
api-schema-FollowThroughRecord-from = Le destinataire qui répond.
api-schema-FollowThroughRecord-kind = `delivery`, `response`, `deadline` ou `follow_up`.
api-schema-FollowThroughRecord-letter = La lettre concernée (pour une relance : la lettre postérieure).
api-schema-FollowThroughRecord-method = Le mode de remise : `email`, `post`, `hand`, `fax`, `online_form`, `published`, `other`.
api-schema-FollowThroughRecord-source = Un identifiant de source du dossier.
api-schema-FollowThroughRecord-to = Le destinataire d’une remise (identifiant d’acteur, ou nom tel qu’imprimé).
api-schema-Incident = Quelque chose qui s’est passé : une arrestation, une fermeture, une nouvelle loi.
api-schema-Incident-date = Telle qu’enregistrée : un jour (`2030-02-14`), un mois (`2030-03`), une année, un intervalle (`2030-01..2030-06`) ou un intervalle ouvert.
api-schema-Incident-date-end = Le dernier jour que la date permet ; null pour un incident en cours.
api-schema-Incident-date-precision = `day`, `month`, `year`, `range`, ...
api-schema-Incident-date-start = Le premier jour que la date permet (`YYYY-MM-DD`).
api-schema-Incident-evidence = Des fichiers dont l’intégrité peut être vérifiée par leur SHA-256 (en lecture seule ici).
api-schema-Incident-kind = `arrest`, `closure`, `dissolution`, `legislation`, ... (voir l’incident en entrée).
api-schema-Incident-restricted-to = Pour un incident restreint : les membres (par adresse électronique) à qui il est montré, en plus des propriétaires.
api-schema-Incident-sensitivity = Qui peut voir l’incident : `public`, `case` ou `restricted`.
api-schema-Incident-sources = Identifiants des sources.
api-schema-IncidentInput = Un incident à créer, ou le nouvel état d’un incident à remplacer.
api-schema-IncidentInput-actors = Des acteurs déjà présents dans le dossier.
api-schema-IncidentInput-date = `2030-02-14`, `2030-03`, `2030`, `2030-01..2030-06`, `2030-01..`.
api-schema-IncidentInput-id = Pour un nouvel incident : son identifiant (lettres, chiffres, `-`, `_`) ; tiré du titre s’il est absent. Pour un remplacement : absent ou égal à l’identifiant de l’URL.
api-schema-IncidentInput-kind = `arrest`, `detention`, `closure`, `ban`, `dissolution`, `deregistration`, `legislation`, `suspension`, `expulsion`, `tax_action`, `threat`, `statement`, `surveillance`, `harassment`, `exile` ou `other`.
api-schema-IncidentInput-restricted-to = Adresses électroniques des membres à qui un incident restreint est montré (absent : inchangé).
api-schema-IncidentInput-sensitivity = `public`, `case` ou `restricted`. Un nouvel incident sans ce champ est `case` (les membres du dossier) ; un incident remplacé garde ce qu’il avait. Seul un propriétaire peut rendre un incident restreint autre chose.
api-schema-IncidentInput-sources = Identifiants de sources déjà présentes dans le dossier.
api-schema-IncidentInput-themes = Des mots en minuscules ; les espaces deviennent `_`.
api-schema-IncidentPage = Une page de la chronologie, du plus récent au plus ancien (ou par pertinence quand `q` est donné).
api-schema-IncidentPage-total = Combien d’incidents correspondent, sur toutes les pages.
api-schema-IncidentRecord = Le JSON canonique d’un incident, tel que versionné et journalisé.
api-schema-IncidentRecord-restricted-to = Pour un enregistrement restreint : les membres à qui il est montré ; absent quand personne n’est nommé.
api-schema-IncidentRecord-sensitivity = `public` ou `restricted` ; absent pour `case`, la valeur par défaut.
api-schema-IncidentVersion = Une version d’un incident.
api-schema-IncidentVersion-at = Quand elle a été écrite (UTC, `YYYY-MM-DDTHH:MM:SSZ`).
api-schema-IncidentVersion-by = Qui l’a écrite.
api-schema-IncidentVersion-record = L’incident tel qu’il était ; null si cette version l’a supprimé.
api-schema-IncidentVersion-version = À partir de 1.
api-schema-LetterFollowThrough = Les suites d’une lettre.
api-schema-LetterFollowThrough-records = Ses enregistrements, dans l’ordre où ils ont été écrits, et les relances qui la citent.
api-schema-LetterFollowThrough-requests = Les mécanismes que la lettre demande (elle cite leur disposition ou énumère leurs incidents).
api-schema-LetterLanguage = La lettre dans une langue.
api-schema-LetterLanguage-addressees = Les destinataires tels que cette langue les imprime (une version qui n’en écrit aucun imprime ceux de l’original), dans l’ordre de la lettre.
api-schema-LetterLanguage-cc = Les lignes de copie telles que cette langue les imprime, dans l’ordre.
api-schema-LetterLanguage-lang = Étiquette BCP 47.
api-schema-LetterLanguage-original = L’original (les champs propres de la lettre) ou une traduction.
api-schema-LetterLanguage-out-of-date = Le texte de l’original a changé depuis que cette version a été traduite.
api-schema-LetterLanguage-signatories = Les organisations imprimées sous la lettre dans cette langue (signatures vérifiées de son texte actuel).
api-schema-LetterLanguage-signed-text-sha256 = SHA-256 du texte qu’un signataire signe dans cette langue ; `null` quand son corps ne se compose pas.
api-schema-LetterLanguage-translated-at = Quand (`YYYY-MM-DD` ; une version seulement).
api-schema-LetterLanguage-translated-by = Qui l’a traduite (une version seulement).
api-schema-LetterLanguage-translates-recipients = Si cette version écrit les destinataires ou la copie dans sa propre langue (`false` pour l’original).
api-schema-LetterLanguages = Les langues d’une lettre : son original d’abord, puis chaque version.
api-schema-LetterLanguages-original = Étiquette BCP 47 de l’original.
api-schema-MechanismStatus = Un mécanisme : déclenché ou non, depuis quand, et les constatations qui le justifient.
api-schema-MechanismStatus-findings = Identifiants des constatations confirmées qui le déclenchent, par date.
api-schema-MechanismStatus-requested-by = Noms des acteurs (les groupes énumérés par leurs membres).
api-schema-MechanismStatus-since = `YYYY-MM-DD` : le premier jour du premier incident qualifiant.
api-schema-MechanismStatus-since-incident = L’identifiant de l’incident derrière `since`.
api-schema-MechanismStatus-since-precision = Avec quelle précision l’incident derrière `since` est daté (`day`, `month`, `range`, ...).
api-schema-Observation = Où en était la mise en œuvre d’une disposition à une date.
api-schema-Observation-coded-by = Qui l’a codée.
api-schema-Observation-date = La date qu’elle décrit : `YYYY`, `YYYY-MM` ou `YYYY-MM-DD` (un code annuel décrit où en étaient les choses à la fin de cette année).
api-schema-Observation-score = Sur l’échelle de la Peace Accords Matrix : 0 (non mise en œuvre), 1 (minimale), 2 (intermédiaire), 3 (mise en œuvre complète).
api-schema-Observation-score-label = `not implemented`, `minimal`, `intermediate` ou `full`.
api-schema-Observation-status = `draft`, `confirmed` ou `retracted` ; seules les observations confirmées font l’état d’une disposition.
api-schema-ObservationInput = Une nouvelle observation ; elle est enregistrée comme brouillon, pour qu’un relecteur la confirme.
api-schema-ObservationInput-coded-by = Qui l’a codée ; l’appelant s’il est absent.
api-schema-ObservationInput-date = La date qu’elle décrit : `YYYY`, `YYYY-MM` ou `YYYY-MM-DD` ; pas après aujourd’hui, pas avant la date de l’instrument.
api-schema-ObservationInput-score = 0, 1, 2 ou 3.
api-schema-ObservationInput-sources = Identifiants de sources du dossier.
api-schema-ObservationSummary = Une observation de mise en œuvre, telle que l’état d’une disposition la montre.
api-schema-ObservationSummary-date = La date qu’elle décrit : `YYYY`, `YYYY-MM` ou `YYYY-MM-DD`.
api-schema-ObservationSummary-id = L’identifiant de l’observation.
api-schema-OriginalLanguage = La langue dans laquelle un enregistrement a été écrit, ou (type `case`, l’identifiant du dossier) la langue dans laquelle les enregistrements du dossier sont écrits.
api-schema-OriginalLanguage-id = L’identifiant de l’enregistrement ; celui d’une disposition est sa référence ; l’identifiant du dossier lui-même avec le type `case`.
api-schema-OriginalLanguage-kind = `case`, `instrument`, `provision`, `actor`, `source`, `incident` ou `mechanism`.
api-schema-OriginalLanguage-lang = Étiquette BCP 47 d’une langue connue (`km`, `fr`, `en`, `fr-CA`).
api-schema-PartyOutcome = Ce qu’a fait un destinataire (ou une partie responsable d’un mécanisme que la lettre demande).
api-schema-PartyOutcome-addressed = Si la lettre lui était adressée.
api-schema-PartyOutcome-delivered = Le jour de la dernière remise qui lui a été faite.
api-schema-PartyOutcome-outcome = `acted`, `acknowledged`, `declined` ou `no_response`.
api-schema-PartyOutcome-party = L’identifiant d’acteur du destinataire, ou son nom tel qu’imprimé.
api-schema-PartyOutcome-responded = Le jour de sa dernière réponse.
api-schema-Permissions = Ce que l’appelant peut faire dans un dossier.
api-schema-Permissions-edit = Enregistrer et modifier des incidents, ajouter des constatations en brouillon.
api-schema-Permissions-manage = Gérer les membres et la publication.
api-schema-Permissions-review = Confirmer ou retirer des constatations.
api-schema-Provision = Une disposition que l’on peut citer.
api-schema-Provision-as-of = `YYYY-MM-DD` : présent quand `status` et `findings` sont ceux de ce jour-là (`?as_of=`).
api-schema-Provision-citation = La référence canonique (`FPA Art. 3(1)`) ; c’est aussi l’identifiant de la disposition dans les URL.
api-schema-Provision-findings = Identifiants des constatations confirmées sur elle ou ses subdivisions.
api-schema-Provision-instrument = L’identifiant de l’instrument (`FPA`).
api-schema-Provision-observation = La dernière observation confirmée de sa mise en œuvre, ou null (à la date `as_of` quand elle est donnée).
api-schema-Provision-status = Au vu des constatations confirmées : `violated`, `threatened`, `concern` ou `none`.
api-schema-Provision-text = Le texte dans la langue de travail de l’instrument ; null quand il manque.
api-schema-Provision-text-source = D’où vient le texte.
api-schema-Provision-text-status = Jusqu’où le texte est fiable : `verified`, `unverified`, `translation`, `quoted`, `missing`.
api-schema-ProvisionStatus = L’état d’une disposition.
api-schema-ProvisionStatus-findings = Identifiants des constatations confirmées la concernant, elle ou ses subdivisions.
api-schema-ProvisionStatus-observation = La dernière observation confirmée de sa mise en œuvre (de cette disposition elle-même), ou null ; à la date `as_of` quand l’état l’est.
api-schema-ProvisionStatus-status = État : `violated`, `threatened`, `concern` ou `none`.
api-schema-Received = Ce que le serveur a enregistré pour un fichier envoyé.
api-schema-Received-id = L’identifiant de la pièce.
api-schema-Received-media-type = Déduit du contenu.
api-schema-Received-sha256 = SHA-256 des octets reçus (ce que `sha256sum` affiche pour le fichier).
api-schema-Received-size = Octets reçus.
api-schema-RecordLanguagesView = Les langues d’un enregistrement.
api-schema-RecordLanguagesView-id = L’identifiant de l’enregistrement ; celui d’une disposition est sa référence (`FPA Art. 3(1)`).
api-schema-RecordLanguagesView-original = La langue dans laquelle l’enregistrement a été écrit.
api-schema-RemovalInput = La traduction d’un enregistrement à retirer.
api-schema-RemovalInput-lang = Étiquette BCP 47 de la traduction à retirer.
api-schema-Source = D’où vient une déclaration ou un fait : un rapport, un article, un journal officiel.
api-schema-Source-accessed = Quand l’URL a été lue pour la dernière fois (`YYYY-MM-DD`).
api-schema-Source-date = Telle qu’enregistrée : un jour, un mois, une année ou un intervalle.
api-schema-Source-restricted-to = Pour une source restreinte : les membres (par adresse électronique) à qui elle est montrée, en plus des propriétaires.
api-schema-Source-sensitivity = Qui peut voir la source : `public`, `case` ou `restricted`.
api-schema-SourceInput = Une source à ajouter.
api-schema-SourceInput-date = `2030-02-14`, `2030-03`, `2030`, `2030-01..2030-06`.
api-schema-SourceInput-id = Son identifiant (lettres, chiffres, `-`, `_`) ; tiré du titre s’il est absent. Un identifiant que le dossier a déjà est refusé avec 409.
api-schema-SourceInput-restricted-to = Adresses électroniques des membres à qui une source restreinte est montrée.
api-schema-SourceInput-sensitivity = `public`, `case` (par défaut : les membres du dossier) ou `restricted` (les membres nommés dans `restricted_to`, et les propriétaires du dossier).
api-schema-SourceInput-url = Une adresse `http://` ou `https://`.
api-schema-SourceRecord = Le JSON canonique d’une source, tel que versionné et journalisé.
api-schema-SourceVersion = Une version d’une source.
api-schema-SourceVersion-record = La source telle qu’elle était ; null si cette version l’a supprimée.
api-schema-Translation = Le texte d’une disposition dans une autre langue.
api-schema-Translation-lang = Étiquette de langue BCP 47.
api-schema-TranslationInput = La traduction d’un enregistrement dans une langue ; les champs donnés remplacent ceux de la traduction dans cette langue, les autres restent.
api-schema-TranslationInput-by = Qui l’a traduit ; l’appelant s’il est absent.
api-schema-TranslationInput-fields = Nom du champ → texte traduit, aucun vide.
api-schema-TranslationInput-lang = Étiquette BCP 47 (`km`, `fr`, `fr-CA`) ; pas la langue originale de l’enregistrement.
api-schema-TranslationView = Un enregistrement dans une langue autre que son original.
api-schema-TranslationView-at = Quand (`YYYY-MM-DD`).
api-schema-TranslationView-by = Qui l’a traduit.
api-schema-TranslationView-fields = Les champs traduits : `title`, `summary`, `place`, `name`, `heading`, `text`, `notes`, `note` ou `action`, selon ceux qu’a le type de l’enregistrement.
api-schema-TranslationView-original-sha256 = SHA-256 (hex) du texte original à partir duquel chaque champ a été traduit, quand il est connu.
api-schema-TranslationView-out-of-date = Les champs dont l’original a changé depuis leur traduction.
api-schema-VersionInput = Le texte d’une lettre dans une langue, tel qu’un traducteur l’écrit.
api-schema-VersionInput-addressees = Les destinataires de l’original dans cette langue, dans l’ordre de l’original (au plus autant) ; absent ou vide : la version imprime ceux de l’original.
api-schema-VersionInput-body = Le modèle du corps : du Markdown avec les fonctions de modèle de la lettre.
api-schema-VersionInput-cc = Les lignes de copie de l’original dans cette langue, dans l’ordre (au plus autant) ; absent ou vide : celles de l’original.
api-get-case-resp-200 = Le dossier
api-list-actors-resp-200 = Les acteurs
api-get-actor-param-actor = Identifiant de l’acteur
api-get-actor-resp-200 = L’acteur
api-get-actor-resp-404 = Aucun dossier ou acteur de ce nom, ou l’appelant n’a pas le droit de voir le dossier
api-list-awaiting-param-as-of = Un jour (YYYY-MM-DD) ; aujourd’hui s’il est absent
api-list-awaiting-resp-200 = Les échéances passées sans réponse
api-list-awaiting-resp-422 = `as_of` n’est pas un jour
api-get-evidence-resp-200 = La pièce
api-add-custody-event-resp-201 = Enregistré ; la pièce avec sa chaîne de possession
api-add-custody-event-resp-422 = L’événement n’est pas valide ; `field` nomme le problème
api-download-evidence-resp-200 = Le fichier, octet pour octet ; `X-Evidence-SHA256` est son empreinte
api-list-findings-param-status = Seulement les constatations dans cet état (`draft`, `confirmed`, `retracted`).
api-list-findings-param-incident = Seulement les constatations qui nomment cet incident.
api-list-findings-resp-200 = Les constatations
api-create-finding-resp-201-location = L’URL de la nouvelle constatation
api-create-finding-resp-422 = La constatation n’est pas valide ; `field` nomme le premier problème
api-get-finding-resp-200 = La constatation
api-set-finding-status-resp-200 = La constatation telle que relue
api-set-finding-status-resp-403 = Le rôle de l’appelant ne lui permet pas de relire les constatations
api-set-finding-status-resp-422 = L’état n’est pas valide
api-list-incidents-param-q = Recherche en texte intégral dans les titres, résumés et lieux (en écriture latine et khmère).
api-list-incidents-param-kind = Un type d’incident (`arrest`, `closure`, ...).
api-list-incidents-param-actor = Un identifiant d’acteur.
api-list-incidents-param-theme = Un thème (`association`, `expression`, ...).
api-list-incidents-param-verdict = Seulement les incidents visés par une constatation confirmée de ce verdict (`violation`, `threat_of_violation`, `concern`).
api-list-incidents-param-from = Les incidents qui ont pu avoir lieu ce jour-là ou après (`YYYY-MM-DD`).
api-list-incidents-param-to = Les incidents qui ont pu avoir lieu ce jour-là ou avant (`YYYY-MM-DD`).
api-list-incidents-param-page = La page, à partir de 1.
api-list-incidents-param-per-page = Incidents par page (50 par défaut, 200 au plus).
api-list-incidents-resp-200 = Une page des incidents qui correspondent
api-list-incidents-resp-400 = La recherche en texte intégral n’est pas disponible sur ce serveur
api-create-incident-resp-201 = Créé ; `Location` est son URL
api-create-incident-resp-201-location = L’URL du nouvel incident
api-create-incident-resp-422 = L’incident n’est pas valide ; `field` nomme le premier problème
api-get-incident-resp-200 = L’incident
api-update-incident-resp-200 = Enregistré
api-upload-evidence-param-file-name = Le nom du fichier (seul son dernier composant est gardé). Obligatoire.
api-upload-evidence-param-id = Un identifiant pour la pièce ; tiré du nom du fichier s’il est absent.
api-upload-evidence-param-source = L’identifiant d’une source du dossier dont ce fichier est une copie.
api-upload-evidence-param-captured-at = Quand il a été collecté (UTC, `YYYY-MM-DDTHH:MM:SSZ`).
api-upload-evidence-param-captured-by = Qui l’a collecté.
api-upload-evidence-param-source-url = Où l’original a été trouvé (`http://` ou `https://`).
api-upload-evidence-param-method = Comment il a été obtenu : téléchargement, capture d’écran, remis par un témoin, ...
api-upload-evidence-param-tool = L’outil ou l’appareil utilisé.
api-upload-evidence-param-place = Où il a été collecté.
api-upload-evidence-param-derived-from = Pour une copie de travail : l’identifiant de la pièce originale (qui n’est pas modifiée, et enregistre `derived`).
api-upload-evidence-param-what = Pour une copie de travail : ce qui a été fait à l’original (obligatoire avec `derived_from`).
api-upload-evidence-body = Le fichier, octet pour octet
api-upload-evidence-resp-201 = Reçu ; `Location` est l’URL de la pièce
api-upload-evidence-resp-201-location = L’URL de la nouvelle pièce
api-upload-evidence-resp-400 = L’envoi s’est arrêté avant sa fin ; rien n’a été gardé
api-upload-evidence-resp-409 = Le dossier a déjà une pièce avec cet identifiant
api-upload-evidence-resp-413 = Le fichier dépasse la limite d’envoi du serveur
api-upload-evidence-resp-422 = Un paramètre de requête n’est pas valide ; `field` le nomme
api-get-follow-through-resp-200 = Les suites de la lettre
api-create-follow-through-resp-201 = Enregistré
api-create-follow-through-resp-409 = Un enregistrement avec cet identifiant existe
api-create-follow-through-resp-422 = L’enregistrement n’est pas valide (une réponse de quelqu’un à qui la lettre n’était pas adressée, une date antérieure à la lettre ou postérieure à aujourd’hui, une relance citant une lettre d’un autre dossier, ...) ; `field` nomme le premier problème et rien n’est écrit
api-get-letter-versions-resp-200 = Les langues de la lettre
api-delete-letter-version-param-lang = Étiquette BCP 47 de la version (pas celle de l’original)
api-delete-letter-version-resp-200 = La version a été retirée : les langues restantes de la lettre
api-delete-letter-version-resp-403 = L’appelant ne coordonne pas les lettres du dossier
api-delete-letter-version-resp-404 = Aucun dossier, lettre ou version de ce nom, ou l’appelant n’a pas le droit de voir le dossier
api-delete-letter-version-resp-422 = La langue de l’original, ou une version que des organisations ont signée (sans se retirer) ; `field` vaut `lang` et rien n’est écrit
api-put-letter-version-resp-200 = La version a été ajoutée ou modifiée : la lettre dans cette langue
api-put-letter-version-resp-422 = La version n’est pas valide (la langue de l’original, une étiquette qui n’est pas une langue, un titre ou un corps vide, un corps qui ne se compose pas, plus de destinataires ou de lignes de copie que l’original, un destinataire sans nom) ; `field` la nomme et rien n’est écrit
api-list-observations-param-provision = Seulement les observations de cette disposition (sa référence canonique).
api-list-observations-param-status = Seulement les observations dans cet état (`draft`, `confirmed`, `retracted`).
api-list-observations-resp-200 = Les observations (seulement les confirmées pour les lecteurs qui ne sont pas membres du dossier)
api-create-observation-resp-201-location = L’URL de la nouvelle observation
api-create-observation-resp-422 = L’observation n’est pas valide (une note hors de 0-3, une date postérieure à aujourd’hui ou antérieure à l’instrument, une disposition ou une source inconnue) ; `field` nomme le premier problème
api-get-observation-resp-200 = L’observation
api-get-observation-resp-404 = Aucun dossier ou observation de ce nom, ou l’appelant n’a pas le droit de la voir
api-set-observation-status-resp-200 = L’observation telle que relue
api-set-observation-status-resp-403 = Le rôle de l’appelant ne lui permet pas de relire, ou l’appelant l’a codée ou enregistrée
api-set-observation-status-resp-404 = Aucun dossier ou observation de ce nom, ou l’appelant n’a pas le droit de voir le dossier
api-list-provisions-param-as-of = `YYYY-MM-DD` : l’état de chaque disposition tel qu’il était ce jour-là, d’après les incidents qui ont pu avoir lieu jusque-là et les constatations qui les visent
api-list-provisions-resp-200 = Les dispositions
api-get-provision-param-citation = Référence canonique, encodée pour une URL
api-get-provision-resp-200 = La disposition
api-get-provision-resp-404 = Aucun dossier ou disposition de ce nom, ou l’appelant n’a pas le droit de voir le dossier
api-list-sources-resp-200 = Les sources
api-create-source-resp-201 = Ajoutée ; `Location` est son URL
api-create-source-resp-201-location = L’URL de la nouvelle source
api-create-source-resp-409 = Le dossier a déjà une source avec cet identifiant
api-create-source-resp-422 = La source n’est pas valide ; `field` nomme le problème
api-get-source-resp-200 = La source
api-get-case-status-param-as-of = `YYYY-MM-DD` : l’état tel qu’il était ce jour-là, d’après les incidents qui ont pu avoir lieu jusque-là (un incident compte à partir du premier jour où il a pu avoir lieu) et les constatations qui les visent
api-get-case-status-resp-200 = L’état de déclenchement du dossier
api-remove-translation-resp-200 = Les langues de l’enregistrement telles que gardées après le retrait
api-remove-translation-resp-404 = Aucun dossier ou enregistrement de ce nom, aucune traduction dans cette langue, ou l’appelant n’a pas le droit de le voir
api-remove-translation-resp-422 = Un type inconnu ; `field` le nomme
api-list-translations-resp-200 = La langue du dossier et les traductions de ses enregistrements
api-translate-record-resp-200 = Les langues de l’enregistrement telles que gardées
api-translate-record-resp-404 = Aucun dossier ou enregistrement de ce nom, ou l’appelant n’a pas le droit de le voir
api-translate-record-resp-422 = La traduction n’est pas valide (une étiquette de langue malformée ou la langue originale de l’enregistrement, un champ que ce type ne traduit pas, un texte vide, un enregistrement restreint) ; `field` nomme le premier problème
api-set-original-language-resp-200 = La langue telle qu’elle est maintenant
api-set-original-language-resp-403 = Le rôle de l’appelant ne lui permet pas de modifier le dossier (ou, pour la langue du dossier lui-même, de le gérer)
api-set-original-language-resp-422 = Un type inconnu, une étiquette malformée ou qui ne nomme aucune langue connue, ou une langue dans laquelle l’enregistrement a déjà une traduction ; `field` la nomme
api-tag-translations = Les enregistrements en plusieurs langues : la langue originale de chaque enregistrement, ses traductions (qui, quand), et celles qui ne sont plus à jour
