# ចំណុចប្រទាក់របស់ Accord ជាភាសាខ្មែរ។ សារដូចគ្នានឹង en.ftl មិនលើស មិនខ្វះ (បានសាកល្បង)។
# បកប្រែដោយក្រុមការងារ។ យើងសូមអញ្ជើញអ្នកនិយាយភាសាខ្មែរពិនិត្យ និងកែលម្អ (README, "Languages")។
# ភាសាខ្មែរមិនមានទម្រង់ពហុវចនៈទេ៖ សារដែលមានចំនួនមិនត្រូវការអ្នកជ្រើសរើស។

## គ្រប់ទំព័រ (base.html)

site-name = Accord
skip-to-content = រំលងទៅខ្លឹមសារ
nav-account = គណនី
sign-in = ចូលគណនី
sign-out = ចាកចេញ
language-switch = ភាសា
language-choose = បង្ហាញជាភាសានេះ

## ទំព័រកំហុស និងសារកំហុសរបស់ API

error-title-400 = សំណើមិនត្រឹមត្រូវ
error-title-401 = ចូលគណនី
error-title-403 = មិនអនុញ្ញាត
error-title-404 = រកមិនឃើញ
error-title-409 = មានរួចហើយ
error-title-413 = ឯកសារធំពេក
error-title-422 = សូមកែតម្រូវទម្រង់បែបបទ
error-title-429 = ការព្យាយាមច្រើនដងពេក
error-title-500 = កំហុសម៉ាស៊ីនមេ
error-title-503 = មិនអាចប្រើបាន
error-not-found = គ្មានអ្វីនៅទីនេះទេ ឬអ្នកមិនមានសិទ្ធិមើលវា។
error-sign-in = សូមចូលគណនីដើម្បីបន្ត។
error-internal = មានបញ្ហាកើតឡើងនៅខាងយើង។ កំហុសនេះត្រូវបានកត់ត្រាទុកហើយ។
error-too-many = ការព្យាយាមច្រើនដងពេក។ សូមព្យាយាមម្តងទៀតក្នុងរយៈពេល { $seconds } វិនាទី។
error-too-large = ឯកសារធំជាងដែនកំណត់នៃការផ្ទុកឡើង { $limit } បៃ។
error-detail = ព័ត៌មានលម្អិត (ជាភាសាអង់គ្លេស)៖ { $detail }
error-back = ត្រឡប់ទៅបញ្ជីសំណុំរឿង

## ការរុករកសំណុំរឿង (case_nav.html)

nav-cases = សំណុំរឿង
nav-case = សំណុំរឿង
nav-dashboard = ផ្ទាំងសង្ខេប
nav-timeline = កាលប្បវត្តិ
nav-provisions = បទប្បញ្ញត្តិ
nav-elections = ការបោះឆ្នោត
nav-letters = លិខិត
nav-new-incident = ហេតុការណ៍ថ្មី
nav-members = សមាជិក
badge-private = ឯកជន
badge-published = បានផ្សព្វផ្សាយ

## បញ្ជីសំណុំរឿង (cases.html)

cases-title = សំណុំរឿង
cases-col-case = សំណុំរឿង
cases-col-country = ប្រទេស
cases-col-access = សិទ្ធិរបស់អ្នក
cases-none = មិនទាន់មានសំណុំរឿងដែលអ្នកអាចមើលបាននៅឡើយទេ
cases-none-sign-in = ចូលគណនីដើម្បីមើលសំណុំរឿងរបស់អ្នក
access-public = បានផ្សព្វផ្សាយ (អានតែប៉ុណ្ណោះ)
access-admin = អ្នកគ្រប់គ្រង

## ការចូលគណនី (login.html)

login-title = ចូលគណនី
login-email = អ៊ីមែល
login-password = ពាក្យសម្ងាត់
login-submit = ចូលគណនី
login-wrong = អាសយដ្ឋានអ៊ីមែល ឬពាក្យសម្ងាត់មិនត្រឹមត្រូវទេ។
login-busy = ម៉ាស៊ីនមេកំពុងរវល់។ សូមព្យាយាមម្តងទៀតបន្តិចទៀត។
login-too-many = ការព្យាយាមមិនបានសម្រេចច្រើនដងពេក។ សូមព្យាយាមម្តងទៀតក្នុងរយៈពេល { $minutes } នាទី។

login-too-many-seconds = ការព្យាយាមមិនបានសម្រេចច្រើនដងពេក។ សូមព្យាយាមម្តងទៀតក្នុងរយៈពេល { $seconds } វិនាទី។

## គណនី (account.html)

account-title = គណនីរបស់អ្នក
account-signed-in-as = បានចូលជា { $email }។
account-signed-in-as-admin = បានចូលជា { $email } (អ្នកគ្រប់គ្រង)។
account-naming-heading = របៀបដែលឈ្មោះរបស់អ្នកត្រូវបង្ហាញក្នុងសំណុំរឿងដែលបានផ្សព្វផ្សាយ
account-naming-text = អ្នកអានដែលមិនមែនជាសមាជិកនៃសំណុំរឿង មិនដែលឃើញអាសយដ្ឋានអ៊ីមែលរបស់អ្នកឡើយ។ នៅក្នុងសំណុំរឿងដែលបានផ្សព្វផ្សាយ អ្វីដែលអ្នកបានសរសេរ ឬបានពិនិត្យ ត្រូវបានចាត់ទុកថាជារបស់អ្នកតាមរបៀបដែលអ្នកជ្រើសរើសនៅទីនេះ។ សមាជិកនៃសំណុំរឿងឃើញអាសយដ្ឋានរបស់អ្នក។
account-display-name = ឈ្មោះបង្ហាញ
account-organisation = អង្គការ
account-named-by = បង្ហាញតាម
account-named-role = តែតួនាទីរបស់ខ្ញុំក្នុងសំណុំរឿង (“អ្នកកែសម្រួលម្នាក់នៃសំណុំរឿង”)
account-named-organisation = អង្គការរបស់ខ្ញុំ
account-named-name = ឈ្មោះបង្ហាញរបស់ខ្ញុំ
account-save = រក្សាទុក
account-sessions-heading = វគ្គប្រើប្រាស់
account-sessions-text = កន្លែងដែលអ្នកបានចូលគណនី។ វគ្គមួយបញ្ចប់បន្ទាប់ពី { $hours } ម៉ោងដោយគ្មានការប្រើប្រាស់ ហើយទោះយ៉ាងណាក៏ដោយ បន្ទាប់ពីពីរសប្តាហ៍។
account-col-started = ចាប់ផ្តើម
account-col-last-used = ប្រើចុងក្រោយ
account-col-from = ពី
account-unknown = មិនស្គាល់
account-this-session = វគ្គនេះ
account-sign-out-everywhere = ចាកចេញពីគ្រប់កន្លែង
account-password-heading = ពាក្យសម្ងាត់
account-password-text = ការប្តូរពាក្យសម្ងាត់ នឹងបញ្ចប់វគ្គផ្សេងទៀតរបស់អ្នក។
account-current-password = ពាក្យសម្ងាត់បច្ចុប្បន្ន
account-new-password = ពាក្យសម្ងាត់ថ្មី (យ៉ាងតិច ១០ តួអក្សរ)
account-new-password-again = ពាក្យសម្ងាត់ថ្មីម្តងទៀត
account-change-password = ប្តូរពាក្យសម្ងាត់
account-password-changed = ពាក្យសម្ងាត់របស់អ្នកត្រូវបានប្តូរ។ វគ្គផ្សេងទៀតរបស់អ្នកត្រូវបានបញ្ចប់។
account-password-wrong = ពាក្យសម្ងាត់បច្ចុប្បន្នមិនត្រឹមត្រូវទេ។
account-password-short = ពាក្យសម្ងាត់ថ្មីត្រូវមានយ៉ាងតិច { $min } តួអក្សរ។
account-password-long = ពាក្យសម្ងាត់ថ្មីត្រូវមានយ៉ាងច្រើន { $max } តួអក្សរ។
account-password-differ = ពាក្យសម្ងាត់ថ្មីទាំងពីរមិនដូចគ្នាទេ។
account-tokens-heading = ថូខឹន API
account-tokens-text = ប្រើថូខឹនជាមួយ JSON API៖ { $header }។ API ត្រូវបានពិពណ៌នានៅ { $url }។
account-new-token = ថូខឹនថ្មីរបស់អ្នក (បង្ហាញតែម្តងគត់)៖
account-col-name = ឈ្មោះ
account-col-scope = វិសាលភាព
account-col-created = បានបង្កើត
account-col-expires = ផុតកំណត់
account-scope-read = អានតែប៉ុណ្ណោះ
account-scope-write = អាន និងសរសេរ
account-expired = ផុតកំណត់ហើយ
account-never = មិនដែល
account-revoke = ដកហូត
account-token-name = ឈ្មោះថូខឹន
account-token-name-example = ឧ. ស្គ្រីបលើកុំព្យូទ័រយួរដៃ
account-token-expiry = ផុតកំណត់បន្ទាប់ពី (ថ្ងៃ; ទុកទទេ៖ មិនដែលផុតកំណត់)
account-token-read-only = អានតែប៉ុណ្ណោះ (ថូខឹនអាចអាន ប៉ុន្តែមិនអាចផ្លាស់ប្តូរអ្វីឡើយ)
account-create-token = បង្កើតថូខឹន

## សមាជិក (members.html)

members-title = សមាជិក និងការផ្សព្វផ្សាយ
members-publication = ការផ្សព្វផ្សាយ
members-published = សំណុំរឿងនេះត្រូវបានផ្សព្វផ្សាយ៖ អ្នកណាក៏អាចអានបាន (អានតែប៉ុណ្ណោះ)។
members-private = សំណុំរឿងនេះជាឯកជន៖ មានតែសមាជិករបស់វាទេដែលអាចមើលឃើញ។
members-make-private = ធ្វើឱ្យទៅជាឯកជន
members-publish = ផ្សព្វផ្សាយជាទម្រង់អានតែប៉ុណ្ណោះ
members-review = ការពិនិត្យ
members-self-review-on = អ្នកនិពន្ធនៃការរកឃើញមួយ អាចបញ្ជាក់វាដោយខ្លួនឯងបាន (សំណុំរឿងនេះអនុញ្ញាតឱ្យពិនិត្យដោយខ្លួនឯង)។
members-self-review-off = ការរកឃើញមួយត្រូវបានបញ្ជាក់ដោយអ្នកផ្សេងក្រៅពីអ្នកនិពន្ធរបស់វា។
members-require-reviewer = តម្រូវឱ្យមានអ្នកពិនិត្យម្នាក់ទៀត
members-allow-self-review = អនុញ្ញាតឱ្យអ្នកនិពន្ធបញ្ជាក់ការរកឃើញរបស់ខ្លួនឯង
members-heading = សមាជិក
members-col-email = អ៊ីមែល
members-col-role = តួនាទី
members-col-actions = សកម្មភាព
members-remove = ដកចេញ
members-none = មិនទាន់មានសមាជិកនៅឡើយទេ។
members-add-heading = បន្ថែម ឬផ្លាស់ប្តូរសមាជិក
members-email = អ៊ីមែលនៃគណនីដែលមានស្រាប់
members-role = តួនាទី
members-save = រក្សាទុក
members-now-role = ឥឡូវ { $email } ជា{ $role }នៃសំណុំរឿងនេះ។
members-no-longer = { $email } លែងជាសមាជិកទៀតហើយ។
members-no-account = អ៊ីមែល៖ គ្មានគណនីណាប្រើ “{ $email }” ទេ។ សូមបង្កើតវាជាមុនសិន (accord user add)
members-choose-role = តួនាទី៖ សូមជ្រើសរើសតួនាទីមួយ

## កាលប្បវត្តិ (timeline.html)

timeline-title = កាលប្បវត្តិ
timeline-search = ស្វែងរក
timeline-search-placeholder = ពាក្យជាភាសាណាមួយ
timeline-kind = ប្រភេទ
timeline-any = ទាំងអស់
timeline-actor = តួអង្គ
timeline-theme = សិទ្ធិ / ប្រធានបទ
timeline-verdict = ការវាយតម្លៃ
timeline-from = ពី
timeline-to = ដល់
timeline-filter = ត្រង
timeline-clear = សម្អាត
timeline-incidents = ហេតុការណ៍
timeline-shown = បង្ហាញ { $first }–{ $last }
timeline-pages = ទំព័រ
timeline-newer = ← ថ្មីជាង
timeline-older = ចាស់ជាង →
timeline-page = ទំព័រ { $page } នៃ { $pages }
timeline-download = ទាញយកហេតុការណ៍ទាំងនេះ (CSV)
timeline-download-uwazi = CSV សម្រាប់ Uwazi
timeline-import = នាំចូលតារាង

## ផ្ទាំងសង្ខេប (dashboard.html)

dash-as-of = ស្ថានភាពគិតត្រឹមថ្ងៃ
dash-show = បង្ហាញ
dash-today = ថ្ងៃនេះ
dash-as-of-notice = ស្ថានភាពដូចដែលមាននៅ{ $day }៖ មានតែហេតុការណ៍ដែលអាចបានកើតឡើងត្រឹមពេលនោះ (ហេតុការណ៍មួយត្រូវបានរាប់ចាប់ពីថ្ងៃដំបូងដែលវាអាចបានកើតឡើង) និងការរកឃើញលើហេតុការណ៍ទាំងនោះ។
dash-mechanisms = យន្តការ
dash-awaiting = លិខិតដែលកំពុងរង់ចាំការឆ្លើយតបហួសកាលកំណត់
dash-triggered = បានដាក់ឱ្យដំណើរការ
dash-since-by = ចាប់តាំងពី{ $since } ដោយការរកឃើញដែលបានបញ្ជាក់ចំនួន { $count }។
dash-asked = បានស្នើចុងក្រោយនៅ{ $date } ({ $ago }) ក្នុង
dash-asked-latest-of = { " " }ដែលជាលិខិតចុងក្រោយក្នុងចំណោមលិខិត { $count }
dash-latest-response = ការឆ្លើយតបចុងក្រោយ៖ { $from }, { $date } ({ $ago }),
dash-no-response = មិនទាន់មានការឆ្លើយតបត្រូវបានកត់ត្រាទេ។
dash-not-asked = មិនទាន់ត្រូវបានស្នើក្នុងលិខិតណាមួយនៃសំណុំរឿងនេះនៅឡើយទេ។
dash-not-triggered = មិនទាន់ដាក់ឱ្យដំណើរការ
dash-requested-by = ស្នើដោយ
dash-must-act = ត្រូវចាត់វិធានការ
dash-consult = ពិគ្រោះយោបល់ជាមួយ
dash-action = វិធានការ
dash-chain = ខ្សែសង្វាក់៖ ការរកឃើញ → ហេតុការណ៍ → ប្រភព
dash-more = ការរកឃើញ { $count } ទៀត៖ ខ្សែសង្វាក់ទាំងមូល
dash-no-mechanisms = សំណុំរឿងនេះមិនមានយន្តការទេ។
dash-over-time = តាមពេលវេលា
dash-over-time-as-of = តាមពេលវេលា គិតត្រឹម{ $day }
dash-timeline-caption = យន្តការដែលបានដាក់ឱ្យដំណើរការ លិខិតដែលបានផ្ញើ និងការឆ្លើយតបដែលបានទទួល។
dash-as-table = ទិន្នន័យដដែលជាតារាង
dash-col-date = កាលបរិច្ឆេទ
dash-col-what = អ្វី
dash-nothing-yet = មិនទាន់មានអ្វីនៅឡើយទេ។
dash-findings-caption-year = ការរកឃើញដែលបានបញ្ជាក់ តាមឆ្នាំនៃហេតុការណ៍ដំបូងបំផុតរបស់វា និងតាមការវាយតម្លៃ។
dash-findings-caption-month = ការរកឃើញដែលបានបញ្ជាក់ តាមខែនៃហេតុការណ៍ដំបូងបំផុតរបស់វា និងតាមការវាយតម្លៃ។
dash-col-year = ឆ្នាំ
dash-col-month = ខែ
dash-col-total = សរុប
dash-no-finding = មិនមានការរកឃើញដែលបានបញ្ជាក់ទេ។
dash-col-provision = បទប្បញ្ញត្តិ
dash-col-status = ស្ថានភាព
dash-col-confirmed = ការរកឃើញដែលបានបញ្ជាក់
dash-col-implementation = ការអនុវត្ត
dash-latest = ហេតុការណ៍ចុងក្រោយ
dash-by-day = ត្រឹម{ $day }
dash-in-all = សរុប

## ស្ថានភាពបទប្បញ្ញត្តិ និងកម្រិតនៃការអនុវត្ត (Peace Accords Matrix)

state-violated = ត្រូវបានរំលោភ
state-threatened = រងការគំរាម
state-concern = ការព្រួយបារម្ភ
state-none = គ្មាន
score-0 = មិនបានអនុវត្ត
score-1 = តិចតួច
score-2 = មធ្យម
score-3 = ពេញលេញ

## បទប្បញ្ញត្តិ (provisions.html)

prov-as-of-notice = ដូចដែលមាននៅ{ $day }៖ ហេតុការណ៍ដែលអាចបានកើតឡើងត្រឹមពេលនោះ និងការរកឃើញលើហេតុការណ៍ទាំងនោះ។
prov-none = មិនមានបទប្បញ្ញត្តិត្រូវបានកត់ត្រាទេ។
instrument-kind-agreement = កិច្ចព្រមព្រៀង
instrument-kind-annex = ឧបសម្ព័ន្ធ
instrument-kind-covenant = កតិកាសញ្ញា
instrument-kind-constitution = រដ្ឋធម្មនុញ្ញ
instrument-kind-law = ច្បាប់
instrument-kind-declaration = សេចក្តីប្រកាស
instrument-kind-other = ផ្សេងៗ

## ទំព័រចុះហត្ថលេខាសម្រាប់អ្នកចុះហត្ថលេខា (letters/sign.html, sign_status.html, withdraw.html)

sign-title = ចុះហត្ថលេខា៖ { $title }
sign-invited = អ្នកត្រូវបានអញ្ជើញឱ្យចុះហត្ថលេខារួមលើលិខិតនេះ។ សូមអានវានៅខាងក្រោម។ អត្ថបទដែលអ្នកចុះហត្ថលេខា គឺពិតជាអត្ថបទនេះ។
sign-exact-text = អត្ថបទពិតប្រាកដដែលបានចុះហត្ថលេខា និង SHA-256 របស់វា
sign-sha-note = (SHA-256 នៃអត្ថបទនេះ ដូចដែល sha256sum គណនា)។
sign-or-decline = ចុះហត្ថលេខា ឬបដិសេធ
sign-representative = ឈ្មោះរបស់អ្នក (ចុះហត្ថលេខាជំនួសអង្គការ)
sign-organisation = ឈ្មោះអង្គការ ដូចដែលត្រូវបោះពុម្ព
sign-url = គេហទំព័ររបស់អង្គការ (ស្រេចចិត្ត)
sign-submit = ចុះហត្ថលេខាលើលិខិត
sign-decline = បដិសេធ
sign-note = អ្នកសម្របសម្រួលផ្ទៀងផ្ទាត់ហត្ថលេខានីមួយៗ មុនពេលឈ្មោះលេចឡើងនៅក្រោមលិខិត។ បន្ទាប់ពីចុះហត្ថលេខា អ្នកនឹងទទួលបានតំណមួយសម្រាប់ដកហត្ថលេខានៅពេលក្រោយ។
sign-keep-link = សូមរក្សាតំណនេះទុក៖ វាដកហត្ថលេខាវិញ ប្រសិនបើអង្គការរបស់អ្នកប្តូរគំនិត។ វាត្រូវបានបង្ហាញតែឥឡូវនេះប៉ុណ្ណោះ។
sign-withdraw-link = តំណសម្រាប់ដកហត្ថលេខា
sign-open = បើក
sign-unknown-title = តំណមិនស្គាល់
sign-unknown = តំណនេះមិនមែនបង្កើតដោយ Accord ទេ ឬវាត្រូវបានចម្លងមិនពេញលេញ។ សូមពិនិត្យតំណក្នុងសារដែលអ្នកបានទទួល ឬសុំតំណថ្មីពីអ្នកសម្របសម្រួលលិខិត។
sign-used-title = តំណនេះត្រូវបានប្រើរួចហើយ
sign-used-signed = អង្គការរបស់អ្នកបានចុះហត្ថលេខាលើលិខិតដោយប្រើតំណនេះនៅ { $when }។ មិនចាំបាច់ធ្វើអ្វីទៀតទេ ការចុះហត្ថលេខាម្តងទៀតមិនផ្លាស់ប្តូរអ្វីឡើយ។
sign-used-declined = អង្គការរបស់អ្នកបានបដិសេធមិនចុះហត្ថលេខាដោយប្រើតំណនេះនៅ { $when }។ ប្រសិនបើចង់ចុះហត្ថលេខាវិញ សូមសុំតំណថ្មីពីអ្នកសម្របសម្រួល។
sign-used-withdrawn = ហត្ថលេខាត្រូវបានដកវិញដោយប្រើតំណនេះនៅ { $when }។
sign-used-replaced = អ្នកសម្របសម្រួលបានផ្ញើតំណថ្មីជាងនៅ { $when }។ សូមប្រើតំណនោះ។
sign-expired-title = តំណនេះផុតកំណត់ហើយ
sign-expired = តំណនេះបានផុតកំណត់នៅ { $when }។ សូមសុំតំណថ្មីពីអ្នកសម្របសម្រួលលិខិត។
sign-wrong-title = ប្រភេទតំណមិនត្រឹមត្រូវ
sign-wrong-sign = នេះជាតំណសម្រាប់ចុះហត្ថលេខា ឬបដិសេធ មិនមែនសម្រាប់ដកហត្ថលេខាទេ។
sign-wrong-withdraw = នេះជាតំណសម្រាប់ដកហត្ថលេខា មិនមែនសម្រាប់ចុះហត្ថលេខាទេ។
sign-declined-title = អ្នកបានបដិសេធមិនចុះហត្ថលេខា
sign-declined = សូមអរគុណចំពោះចម្លើយរបស់អ្នក។ អ្នកសម្របសម្រួលលិខិតអាចមើលឃើញវា។
sign-thanks-title = សូមអរគុណសម្រាប់ការចុះហត្ថលេខា
sign-thanks = { $organisation } បានចុះហត្ថលេខាលើលិខិត។ អ្នកសម្របសម្រួលនឹងផ្ទៀងផ្ទាត់ហត្ថលេខា មុនពេលឈ្មោះលេចឡើងនៅក្រោមលិខិត។
withdraw-title = ដកហត្ថលេខា
withdraw-text = { $organisation } បានចុះហត្ថលេខាលើ “{ $title }”។ ការដកហត្ថលេខានឹងលុបឈ្មោះចេញពីលិខិតដែលបានផ្សព្វផ្សាយ ហើយមិនអាចត្រឡប់វិញតាមរយៈតំណនេះបានទេ។
withdraw-submit = ដកហត្ថលេខា
withdrawn-title = ហត្ថលេខាត្រូវបានដកវិញ
withdrawn = { $organisation } លែងចុះហត្ថលេខាលើលិខិតទៀតហើយ។ ឈ្មោះរបស់អង្គការត្រូវបានលុបចេញពីលិខិតដែលបានផ្សព្វផ្សាយ។

## លិខិត (letters/list.html, show.html, link.html, signatories.html)

letters-col-date = កាលបរិច្ឆេទ
letters-col-letter = លិខិត
letters-col-language = ភាសា
letters-col-printed = អ្នកចុះហត្ថលេខាដែលបានបោះពុម្ព
letters-col-coordinate = សម្របសម្រួល
letters-printed-of = { $printed } ក្នុងចំណោម { $total }
letters-edit = កែសម្រួល
letters-history = ប្រវត្តិ
letters-signatories = អ្នកចុះហត្ថលេខា
letters-none = សំណុំរឿងនេះមិនទាន់មានលិខិតនៅឡើយទេ។
letters-new = លិខិតថ្មី
letters-after = ក្រោយលិខិត
letters-follow-through = ក្រោយលិខិត៖ ការប្រគល់ ការឆ្លើយតប កាលកំណត់
letters-download = ទាញយក៖
letters-printed = អ្នកចុះហត្ថលេខាដែលបានផ្ទៀងផ្ទាត់ចំនួន { $printed } នៃអត្ថបទនេះ
letters-pending = ; { $pending } មិនបានបោះពុម្ព (បានអញ្ជើញ កំពុងរង់ចាំការផ្ទៀងផ្ទាត់ បានបដិសេធ បានដកវិញ ឬបានចុះហត្ថលេខាលើកំណែមុន)
letters-sha = ។ SHA-256 នៃអត្ថបទដែលបានចុះហត្ថលេខា៖
link-title = តំណចុះហត្ថលេខាសម្រាប់ { $organisation }
link-send = សូមផ្ញើតំណនេះទៅ { $organisation }។ វាត្រូវបានបង្ហាញតែឥឡូវនេះប៉ុណ្ណោះ៖ Accord រក្សាទុកតែស្នាមសម្គាល់របស់វា មិនមែនតំណទេ។ វាអាចប្រើបានតែម្តង ក្នុងរយៈពេល { $days } ថ្ងៃ។
link-label = តំណចុះហត្ថលេខា
link-no-base = មានតែផ្លូវនៃតំណប៉ុណ្ណោះត្រូវបានបង្ហាញ៖ អ្នកគ្រប់គ្រងមិនទាន់កំណត់អាសយដ្ឋានរបស់គេហទំព័រនេះទេ (base_url, ACCORD_BASE_URL ឬ --base-url) ហើយ Accord មិនដែលបង្កើតវាពីសំណើទេ។
link-back = ត្រឡប់ទៅអ្នកចុះហត្ថលេខា
signatories-title = អ្នកចុះហត្ថលេខា៖ { $title }
signatories-printed = { $printed } បានបោះពុម្ពនៅក្រោមលិខិត
signatories-sha = SHA-256 នៃអត្ថបទបច្ចុប្បន្ន៖
signatories-col-organisation = អង្គការ
signatories-col-state = ស្ថានភាព
signatories-col-invitation = ការអញ្ជើញ
signatories-col-actions = សកម្មភាព
signatories-signed-by = ចុះហត្ថលេខាដោយ { $name }
signatories-invited = បានអញ្ជើញក្នុងនាម { $name } ({ $contact }) នៅ { $at }
signatories-verified-by = ; ផ្ទៀងផ្ទាត់ដោយ { $who }
signatories-from-bundle = ពីបណ្តុំឯកសារនៃសំណុំរឿង
signatories-verify = ផ្ទៀងផ្ទាត់
signatories-new-link = តំណចុះហត្ថលេខាថ្មី
signatories-invite = អញ្ជើញអង្គការមួយ
signatories-organisation = អង្គការ
signatories-country = ប្រទេស (អក្សរពីរ)
signatories-contact = ទំនាក់ទំនង (មិនដែលផ្សព្វផ្សាយ)
signatories-days = តំណមានសុពលភាព (ថ្ងៃ)
signatories-submit = អញ្ជើញ និងបង្កើតតំណ
signatories-note = តំណនេះត្រូវបានបង្ហាញតែម្តងគត់ នៅទំព័របន្ទាប់៖ សូមផ្ញើវាទៅអង្គការ។ Accord រក្សាទុកតែស្នាមសម្គាល់របស់វាប៉ុណ្ណោះ។
signon-invited = បានអញ្ជើញ
signon-signed = បានចុះហត្ថលេខា
signon-signed-earlier = បានចុះហត្ថលេខាលើកំណែមុន
signon-declined = បានបដិសេធ
signon-withdrawn = បានដកវិញ
signon-verified = បានផ្ទៀងផ្ទាត់


## ការតាក់តែងលិខិត (letters/compose.html)

compose-edit = កែសម្រួលលិខិត
compose-id = លេខសម្គាល់លិខិត
compose-id-example = ឧ. 2030-07-appeal
compose-id-help = អក្សរ លេខ ចំណុច និងសញ្ញាដាច់ (-)។ វាក្លាយជាផ្នែកមួយនៃអាសយដ្ឋានរបស់លិខិត។
compose-language-example = en, km, fr
compose-addressees = អ្នកទទួល
compose-addressees-help = មួយក្នុងមួយបន្ទាត់៖ ឈ្មោះ | ងារ | អង្គការ | តួនាទី (ឧទាហរណ៍ “សហប្រធាន”)។
compose-body = ខ្លឹមសារ
compose-help-quote = ដកស្រង់បទប្បញ្ញត្តិមួយពាក្យម្តងៗ,
compose-help-cite = បន្ថែមកំណត់ចំណាំដែលមានលេខ ដោយយោងប្រភពមួយ,
compose-help-footnote = កំណត់ចំណាំជាអត្ថបទសេរី,
compose-help-incidents = រាយបញ្ជីហេតុការណ៍ដែលនៅពីក្រោយវា។
compose-closing = ពាក្យបញ្ចប់
compose-closing-example = សូមទទួលនូវការគោរពដ៏ខ្ពង់ខ្ពស់អំពីយើងខ្ញុំ។
compose-order = អ្នកចុះហត្ថលេខាត្រូវបានបោះពុម្ព
compose-order-alpha = តាមលំដាប់អក្ខរក្រម
compose-order-manual = តាមលំដាប់ដែលបានកំណត់សម្រាប់នីមួយៗ
compose-cc = ចម្លងជូន
compose-cc-help = មួយក្នុងមួយបន្ទាត់ តាមលំដាប់។
compose-preview = មើលជាមុន
compose-outdated = ការរក្សាទុកអត្ថបទនេះផ្លាស់ប្តូរអ្វីដែលបានចុះហត្ថលេខា៖ ហត្ថលេខាចំនួន { $count } នឹងបង្ហាញថា “បានចុះហត្ថលេខាលើកំណែមុន” រហូតដល់អង្គការទាំងនោះចុះហត្ថលេខាម្តងទៀត។
compose-sha = SHA-256 នៃអត្ថបទដែលត្រូវចុះហត្ថលេខា៖
compose-no-preview = មិនមានការមើលជាមុនទេ៖ សូមកែតម្រូវកំហុសខាងលើ។

## ហេតុការណ៍ (incident.html)

incident-date = កាលបរិច្ឆេទ
incident-kind = ប្រភេទ
incident-place = ទីកន្លែង
incident-themes = សិទ្ធិ / ប្រធានបទ
incident-actors = តួអង្គ
incident-edit = កែសម្រួលហេតុការណ៍នេះ
incident-add-finding = បន្ថែមការរកឃើញ
incident-history = ប្រវត្តិ
incident-sources = ប្រភព
incident-link = តំណ
incident-source-history = ប្រវត្តិ
incident-no-source = មិនមានប្រភពដែលបានកត់ត្រាទេ។
incident-evidence = ភស្តុតាង
incident-working-copy-of = ច្បាប់ចម្លងសម្រាប់ធ្វើការនៃ
incident-named-by-hash = (កំណត់ដោយតម្លៃហាស គ្មានឯកសាររក្សាទុកទេ)
incident-no-evidence = មិនទាន់មានឯកសារភស្តុតាងនៅឡើយទេ។
incident-upload = ផ្ទុកឯកសារឡើង
incident-upload-text = ឯកសារត្រូវបានរក្សាទុកដូចដែលបានផ្ញើមកទាំងស្រុង ហើយ SHA-256 របស់វាត្រូវបានគណនាពេលវាមកដល់ យ៉ាងច្រើន { $limit }។ សូមបញ្ជាក់ពីរបៀបដែលវាត្រូវបានប្រមូល៖ តុលាការនឹងសួរ។
incident-captured-at = ប្រមូលនៅ (UTC)
incident-captured-by = ប្រមូលដោយ
incident-found-at = រកឃើញនៅ (អាសយដ្ឋានដើម)
incident-method = របៀបដែលទទួលបាន
incident-method-example = ទាញយក រូបថតអេក្រង់ ប្រគល់ដោយសាក្សី ...
incident-tool = ឧបករណ៍
incident-where = ទីកន្លែង
incident-note = កំណត់ចំណាំ
incident-file = ឯកសារ
incident-upload-submit = ផ្ទុកឡើង
incident-findings = ការរកឃើញ
incident-finding-of = នៃ
incident-finding-by = ដោយ { $who }។
incident-finding-reviewed-by = ពិនិត្យដោយ { $who }។
incident-changed-since = ហេតុការណ៍នេះបានផ្លាស់ប្តូរបន្ទាប់ពីការរកឃើញត្រូវបានបញ្ជាក់ ({ $confirmed })៖ មានកំណែក្រោយៗចំនួន { $versions } ដែលកំណែចុងក្រោយនៅ { $last } ដោយ { $by }។
incident-see-changes = មើលអ្វីដែលបានផ្លាស់ប្តូរ
incident-confirm = បញ្ជាក់
incident-retract = ដកវិញ
incident-no-finding = មិនទាន់មានការរកឃើញណាមួយវាយតម្លៃហេតុការណ៍នេះនៅឡើយទេ។
incident-saved = បានរក្សាទុក។

## ទម្រង់ហេតុការណ៍ (incident_form.html)

form-new-incident = ហេតុការណ៍ថ្មី
form-edit-incident = កែសម្រួលហេតុការណ៍
form-correct = សូមកែតម្រូវ៖
form-required = មិនត្រូវទុកទទេទេ
form-title = ចំណងជើង
form-date = កាលបរិច្ឆេទ
form-date-help = 2017-09-03 (មួយថ្ងៃ), 2017-09 (មួយខែ), 2017 (មួយឆ្នាំ), 2017-09-01..2017-09-14 (រយៈពេលមួយ) ឬ 2017-07.. (កំពុងបន្ត)។
form-kind = ប្រភេទ
form-place = ទីកន្លែង
form-summary = សេចក្តីសង្ខេប
form-themes = សិទ្ធិ / ប្រធានបទ (បំបែកដោយសញ្ញាក្បៀស)
form-actors = តួអង្គ
form-actor = តួអង្គ
form-role = តួនាទី
form-sources = ប្រភព
form-existing-sources = ប្រភពដែលមានស្រាប់
form-sources-hint = បញ្ជីនេះបង្ហាញប្រភពនៃហេតុការណ៍នេះ និងប្រភពថ្មីៗបំផុតចំនួន { $shown } ក្នុងចំណោមប្រភព { $total } នៃសំណុំរឿង។ សូមបញ្ជាក់ប្រភពផ្សេងទៀតតាមលេខសម្គាល់របស់វានៅខាងក្រោម។
form-source-ids = ប្រភពផ្សេងទៀត តាមលេខសម្គាល់ (បំបែកដោយសញ្ញាក្បៀស)
form-new-source = ឬបន្ថែមប្រភពថ្មី
form-source-title = ចំណងជើង
form-source-authors = អ្នកនិពន្ធ (បំបែកដោយសញ្ញាក្បៀស)
form-source-publisher = អ្នកបោះពុម្ពផ្សាយ
form-source-date = កាលបរិច្ឆេទ
form-source-url = អាសយដ្ឋាន (URL)
form-save-incident = រក្សាទុកហេតុការណ៍
form-field-form = ទម្រង់បែបបទ
form-field-new-source-title = ចំណងជើងប្រភពថ្មី
form-field-new-source-date = កាលបរិច្ឆេទប្រភពថ្មី

## ទម្រង់ការរកឃើញ (finding_form.html)

finding-new = ការរកឃើញថ្មី
finding-incidents = ហេតុការណ៍
finding-provision = បទប្បញ្ញត្តិ (ឯកសារយោង)
finding-provision-example = ឧ. ICCPR Art. 22
finding-provision-help = វាយឯកសារយោង បញ្ជីនឹងស្នើបទប្បញ្ញត្តិនៃសំណុំរឿងនេះ។
finding-verdict = ការវាយតម្លៃ
finding-rationale = ហេតុផល
finding-submit = បន្ថែមការរកឃើញ (សេចក្តីព្រាង)
finding-draft-note = ការរកឃើញថ្មីនៅជាសេចក្តីព្រាង រហូតដល់អ្នកពិនិត្យបញ្ជាក់វា។ មានតែការរកឃើញដែលបានបញ្ជាក់ប៉ុណ្ណោះ ដែលធ្វើឱ្យយន្តការត្រូវបានដាក់ឱ្យដំណើរការ។
suggestions-label = បទប្បញ្ញត្តិដែលត្រូវគ្នា
suggestions-none = គ្មានបទប្បញ្ញត្តិណាមួយនៃសំណុំរឿងនេះត្រូវនឹង “{ $q }” ទេ។

## តួអង្គ (actor.html)

actor-kind = ប្រភេទ
actor-aliases = ឈ្មោះផ្សេងទៀត
actor-country = ប្រទេស
actor-members = សមាជិក
actor-incidents = ហេតុការណ៍
actor-count = មានហេតុការណ៍ { $total } ពាក់ព័ន្ធនឹងតួអង្គនេះ។
actor-on-timeline = មើលហេតុការណ៍ទាំងនោះនៅលើកាលប្បវត្តិ
actor-history = ប្រវត្តិ

## ភស្តុតាង (evidence.html)

evidence-title = ភស្តុតាង៖ { $file }
evidence-size = ទំហំ
evidence-bytes = { $size } បៃ
evidence-type = ប្រភេទ
evidence-type-note = (តាមខ្លឹមសារ មិនមែនតាមឈ្មោះ)
evidence-item-id = លេខសម្គាល់
evidence-incident = ហេតុការណ៍
evidence-source = ប្រភព
evidence-note = កំណត់ចំណាំ
evidence-history = ប្រវត្តិ
evidence-download = ទាញយកច្បាប់ដើម
evidence-download-note = (ការទាញយកនីមួយៗត្រូវបានកត់ត្រានៅខាងក្រោម)
evidence-check-copy = ដើម្បីពិនិត្យច្បាប់ចម្លង៖ { $command } ត្រូវតែបង្ហាញ SHA-256 ខាងលើ។
evidence-capture = ការប្រមូល
evidence-when = ពេលណា
evidence-by = ដោយ
evidence-found-at = រកឃើញនៅ
evidence-how = របៀប
evidence-tool = ឧបករណ៍
evidence-where = ទីកន្លែង
evidence-no-capture = មិនមានកំណត់ត្រានៃការប្រមូលត្រូវបានផ្តល់ឱ្យទេ។
evidence-copies = ច្បាប់ដើម និងច្បាប់ចម្លងសម្រាប់ធ្វើការ
evidence-copy-of = នេះជាច្បាប់ចម្លងសម្រាប់ធ្វើការនៃច្បាប់ដើមខាងក្រោម៖ { $what }។ ច្បាប់ដើមត្រូវបានរក្សាទុកដោយគ្មានការផ្លាស់ប្តូរ។
evidence-original = នេះជាច្បាប់ដើម៖ បៃរបស់វាត្រូវបានរក្សាទុកដូចដែលបានទទួលទាំងស្រុង។
evidence-no-copy = មិនមានច្បាប់ចម្លងសម្រាប់ធ្វើការទេ។
evidence-add-copy = បន្ថែមច្បាប់ចម្លងសម្រាប់ធ្វើការ (កំណែលុបព័ត៌មានសម្ងាត់ ការចម្លងជាអក្សរ ឬឃ្លីប)
evidence-add-copy-text = ច្បាប់ចម្លងក្លាយជាធាតុមួយដោយឡែក ដែលកំណត់ធាតុនេះជាច្បាប់ដើមរបស់វា។ ឯកសារនេះមិនត្រូវបានផ្លាស់ប្តូរទេ។ យ៉ាងច្រើន { $limit }។
evidence-what-done = អ្វីដែលបានធ្វើ
evidence-what-done-example = ធ្វើឱ្យមុខព្រិល; ការចម្លងជាអក្សរពី 00:00 ដល់ 03:10; ...
evidence-file = ឯកសារ
evidence-upload-copy = ផ្ទុកច្បាប់ចម្លងសម្រាប់ធ្វើការឡើង
evidence-custody = ខ្សែសង្វាក់នៃការរក្សាទុក
evidence-col-when = ពេលណា (UTC)
evidence-col-what = អ្វី
evidence-col-who = នរណា
evidence-col-note = កំណត់ចំណាំ
evidence-check-now = ពិនិត្យឯកសារដែលបានរក្សាទុកឥឡូវនេះ
evidence-check-note = (អានវាម្តងទៀត ហើយប្រៀបធៀប SHA-256 របស់វា។ ការត្រូវគ្នាត្រូវបានកត់ត្រាថាបានផ្ទៀងផ្ទាត់)
evidence-record-heading = កត់ត្រាអ្វីដែលបានធ្វើជាមួយវា
evidence-record-what = អ្វី
evidence-record-note = កំណត់ចំណាំ (ទៅនរណា នៅឯណា ដោយរបៀបណា)
evidence-record = កត់ត្រា
evidence-saved = ឯកសារត្រូវបានទទួល ហើយ SHA-256 របស់វាត្រូវបានកត់ត្រា។
evidence-verified = បៃដែលបានរក្សាទុកត្រូវបានអានម្តងទៀត៖ SHA-256 របស់វាត្រូវគ្នា។ ការនេះឥឡូវស្ថិតក្នុងខ្សែសង្វាក់នៃការរក្សាទុកហើយ។
evidence-logged = បានកត់ត្រាក្នុងខ្សែសង្វាក់នៃការរក្សាទុក។
size-kb = { $size } KB
size-mb = { $size } MB
size-gb = { $size } GB
size-tb = { $size } TB

## ប្រវត្តិ (history.html)

history-title = ប្រវត្តិនៃ{ $noun } { $id }
history-back = ត្រឡប់ទៅ{ $noun }
history-intro = កំណែនីមួយៗត្រូវបានរក្សាទុក កំណែថ្មីបំផុតនៅខាងលើគេ។ កំណែនីមួយៗបង្ហាញវាលដែលបានផ្លាស់ប្តូរពីកំណែមុន។
history-version = កំណែទី { $version }
history-created = បានបង្កើត
history-removed = បានលុប
history-col-field = វាល
history-col-before = មុន
history-col-after = ក្រោយ
history-no-change = គ្មានវាលណាមួយបានផ្លាស់ប្តូរទេ។
history-confirmed-against = បានបញ្ជាក់នៅ { $at } ទល់នឹងកំណែទី { $version } នៃហេតុការណ៍ { $incident }។
history-incident-changed = ហេតុការណ៍នេះបានផ្លាស់ប្តូរតាំងពីពេលនោះ៖ ឥឡូវវាជាកំណែទី { $latest }។
noun-incident = ហេតុការណ៍
noun-source = ប្រភព
noun-finding = ការរកឃើញ
noun-actor = តួអង្គ
noun-letter = លិខិត
noun-evidence = ភស្តុតាង
noun-record = កំណត់ត្រា

# --- S: search over every kind of record (search.html), history of instruments, provisions and mechanisms (issue 16 §2) ---
nav-search = ស្វែងរក
search-title = ស្វែងរក
search-text = ពាក្យ
search-kind = ប្រភេទកំណត់ត្រា
search-every-kind = គ្រប់ប្រភេទ
search-go = ស្វែងរក
search-nothing = រកមិនឃើញអ្វីទេ។
search-incidents = ហេតុការណ៍ { $total }
search-records = តួអង្គ ប្រភព លិខិតុបករណ៍ និងបទប្បញ្ញត្តិ { $total }
search-all-incidents = ហេតុការណ៍ទាំង { $total } ដែលបានរកឃើញ
search-more-of = មើលទាំងអស់នៃប្រភេទមួយ៖
search-previous = ← មុន
search-next = បន្ទាប់ →
noun-instrument = លិខិតុបករណ៍
noun-provision = បទប្បញ្ញត្តិ
noun-mechanism = យន្តការ
history-unversioned = លិខិតុបករណ៍ បទប្បញ្ញត្តិ និងយន្តការ មកជាមួយសំណុំរឿង ហើយគ្មានកំណែផ្ទាល់ខ្លួនទេ៖ ទំព័រនេះបង្ហាញកំណែនៃការបកប្រែរបស់វា ដោយកំណែថ្មីបំផុតនៅខាងលើ។
history-no-translation = មិនទាន់មានការបកប្រែនៅឡើយទេ។
# The OpenAPI document's texts of /api/v1/cases/{id}/search (routes/api/search.rs), by operation id or schema
api-tag-search = គ្រប់ប្រភេទកំណត់ត្រានៃសំណុំរឿង ដែលរកឃើញតាមភាសាណាមួយរបស់វា
api-op-search-case = ស្វែងរកហេតុការណ៍ តួអង្គ ប្រភព លិខិតុបករណ៍ និងបទប្បញ្ញត្តិនៃសំណុំរឿង តាមភាសាណាមួយរបស់វា។
api-search-case-param-q = ពាក្យ និង "ឃ្លាក្នុងសញ្ញាសម្រង់" ជាភាសាណាមួយ (អក្សរឡាតាំង និងអក្សរខ្មែរ) ដែលត្រូវតែត្រូវគ្នាទាំងអស់។
api-search-case-param-kind = ប្រភេទកំណត់ត្រាតែមួយ៖ `incident`, `actor`, `source`, `instrument` ឬ `provision`។ បើគ្មាន គឺលទ្ធផល ១០ ដំបូងនៃផ្នែកនីមួយៗ។
api-search-case-param-page = ទំព័រនៃលទ្ធផលរបស់ប្រភេទមួយ (៥០ ក្នុងមួយទំព័រ) ចាប់ពី ១។
api-search-case-resp-200 = អ្វីដែលការស្វែងរកបានរកឃើញ
api-schema-SearchResults = អ្វីដែលការស្វែងរកបានរកឃើញ៖ ហេតុការណ៍ និងកំណត់ត្រាផ្សេងទៀត ផ្នែកនីមួយៗនៅពេលដែល `kind` សុំវា។
api-schema-SearchResults-incidents = ហេតុការណ៍ដែលបានរកឃើញ (គ្មាន នៅពេលដែល `kind` ដាក់ឈ្មោះប្រភេទផ្សេង)។
api-schema-SearchResults-records = តួអង្គ ប្រភព លិខិតុបករណ៍ និងបទប្បញ្ញត្តិដែលបានរកឃើញ (គ្មាន នៅពេលដែល `kind` ជា `incident`)។
api-schema-SearchPart = ផ្នែកមួយនៃលទ្ធផលស្វែងរក។
api-schema-SearchPart-total = ចំនួនកំណត់ត្រានៃផ្នែកនេះដែលត្រូវគ្នា លើគ្រប់ទំព័រ ដោយមិនរាប់កំណត់ត្រាដែលអ្នកហៅមិនអាចមើលបាន។
api-schema-SearchPart-hits = លទ្ធផលនៃទំព័រ ដែលត្រូវគ្នាបំផុតនៅមុនគេ។
api-schema-SearchHit = កំណត់ត្រាមួយដែលបានរកឃើញ។
api-schema-SearchHit-kind = `incident`, `actor`, `source`, `instrument` ឬ `provision`។
api-schema-SearchHit-id = លេខសម្គាល់នៃកំណត់ត្រាក្នុងសំណុំរឿងរបស់វា (របស់បទប្បញ្ញត្តិ គឺការដកស្រង់របស់វា)។
api-schema-SearchHit-href = ទំព័របណ្តាញនៃកំណត់ត្រា។
api-schema-SearchHit-title = ចំណងជើងរបស់វា (ឈ្មោះតួអង្គ ការដកស្រង់ និងចំណងជើងនៃបទប្បញ្ញត្តិ) ជាភាសានៃសំណើ បើកំណត់ត្រាមានភាសានោះ បើមិនដូច្នោះទេ គឺភាសាដើម។
api-schema-SearchHit-lang = ភាសានៃ `title`។
api-schema-SearchHit-original = ថាតើ `title` ជាភាសាដើមឬអត់ (ភាសាដែលបានសុំគ្មានការបកប្រែរបស់វា)។

## ភាពច្បាស់លាស់នៃកាលបរិច្ឆេទ

precision-day = ថ្ងៃ
precision-month = ខែ
precision-year = ឆ្នាំ
precision-range = រយៈពេល
precision-ongoing = កំពុងបន្ត

## ប្រភេទហេតុការណ៍

kind-arrest = ការចាប់ខ្លួន
kind-detention = ការឃុំខ្លួន
kind-closure = ការបិទ
kind-ban = ការហាមឃាត់
kind-dissolution = ការរំលាយ
kind-deregistration = ការលុបឈ្មោះចេញពីបញ្ជី
kind-legislation = ច្បាប់
kind-suspension = ការផ្អាក
kind-expulsion = ការបណ្តេញចេញ
kind-tax_action = វិធានការពន្ធដារ
kind-threat = ការគំរាមកំហែង
kind-statement = សេចក្តីថ្លែងការណ៍
kind-surveillance = ការតាមដាន
kind-harassment = ការយាយី
kind-exile = ការនិរទេសខ្លួន
kind-other = ផ្សេងៗ

## ប្រភេទតួអង្គ

actor-kind-state = រដ្ឋ
actor-kind-government_body = ស្ថាប័នរដ្ឋាភិបាល
actor-kind-official = មន្ត្រី
actor-kind-party = គណបក្ស
actor-kind-organisation = អង្គការ
actor-kind-media = ប្រព័ន្ធផ្សព្វផ្សាយ
actor-kind-person = បុគ្គល
actor-kind-international_body = ស្ថាប័នអន្តរជាតិ
actor-kind-group = ក្រុម

## តួនាទីរបស់តួអង្គក្នុងហេតុការណ៍

role-perpetrator = ជនល្មើស
role-target = គោលដៅ
role-victim = ជនរងគ្រោះ
role-witness = សាក្សី
role-other = ផ្សេងៗ

## ការវាយតម្លៃ និងស្ថានភាពនៃការរកឃើញ

verdict-violation = ការរំលោភ
verdict-threat_of_violation = ការគំរាមនឹងរំលោភ
verdict-concern = ការព្រួយបារម្ភ
status-draft = សេចក្តីព្រាង
status-confirmed = បានបញ្ជាក់
status-retracted = បានដកវិញ

## តួនាទីក្នុងសំណុំរឿង

case-role-owner = ម្ចាស់
case-role-editor = អ្នកកែសម្រួល
case-role-reviewer = អ្នកពិនិត្យ
case-role-viewer = អ្នកមើល
case-role-none = គ្មាន

## ខ្សែសង្វាក់នៃការរក្សាទុក

custody-received = បានទទួល
custody-viewed = បានមើល
custody-downloaded = បានទាញយក
custody-copied = បានចម្លង
custody-exported = បាននាំចេញ
custody-handed_over = បានប្រគល់
custody-verified = បានផ្ទៀងផ្ទាត់
custody-derived = បានបង្កើតច្បាប់ចម្លង

## ថ្ងៃធៀបនឹងថ្ងៃនេះ (មុខងារ `ago` នៃពុម្ព៖ ថ្ងៃមុនថ្ងៃនេះ ឬក្រោយ)

ago-past = { $days ->
    [0] ថ្ងៃនេះ
    [1] ម្សិលមិញ
   *[other] { $days } ថ្ងៃមុន
}
ago-future = { $days ->
    [1] ថ្ងៃស្អែក
   *[other] { $days } ថ្ងៃទៀត
}

## ការតាមដាន៖ លទ្ធផល ការឆ្លើយតប និងមធ្យោបាយបញ្ជូន

outcome-acted = បានចាត់វិធានការ
outcome-acknowledged = បានទទួលស្គាល់
outcome-declined = បានបដិសេធ
outcome-no_response = គ្មានការឆ្លើយតប
delivery-method-email = អ៊ីមែល
delivery-method-post = ប្រៃសណីយ៍
delivery-method-hand = ប្រគល់ផ្ទាល់ដៃ
delivery-method-fax = ទូរសារ
delivery-method-online_form = ទម្រង់អនឡាញ
delivery-method-published = ការផ្សព្វផ្សាយជាសាធារណៈ
delivery-method-other = ផ្សេងទៀត

## យន្តការ (mechanism.html)

mech-as-of-notice = ដូចដែលមាននៅ{ $day }៖ ហេតុការណ៍ដែលអាចបានកើតឡើងត្រឹមពេលនោះ ការរកឃើញលើហេតុការណ៍ទាំងនោះ លិខិតដែលបានសរសេរត្រឹមពេលនោះ និងការឆ្លើយតបដែលបានទទួលត្រឹមពេលនោះ។
mech-since = ចាប់តាំងពី{ $day }
mech-counts = ការវាយតម្លៃដែលត្រូវរាប់
mech-scope = វិសាលភាព
mech-findings = ការរកឃើញដែលជាមូលដ្ឋាន
mech-no-finding = គ្មានការរកឃើញដែលបានបញ្ជាក់ណាមួយស្ថិតក្នុងវិសាលភាពរបស់វាទេ។
mech-letters = លិខិតដែលបានស្នើសុំយន្តការនេះ
mech-sent = បានផ្ញើនៅ{ $date } ({ $ago })។
mech-no-letters = គ្មានលិខិតណាមួយនៃសំណុំរឿងនេះស្នើសុំយន្តការនេះទេ (លិខិតមួយស្នើសុំយន្តការ នៅពេលវាដកស្រង់បទប្បញ្ញត្តិដែលបង្កើតយន្តការនោះ ឬរាយបញ្ជីហេតុការណ៍ដែលជាមូលដ្ឋានរបស់វា)។
ft-col-party = ភាគី
ft-col-delivered = បានបញ្ជូន
ft-col-response = ការឆ្លើយតប
ft-col-did = អ្វីដែលពួកគេបានធ្វើ
ft-col-addressee = អ្នកទទួល
ft-col-outcome = លទ្ធផល
ft-must-act = (ត្រូវចាត់វិធានការ)
ft-not-addressed = (មិនមែនជាអ្នកទទួល)
ft-must-act-not-addressed = (ត្រូវចាត់វិធានការ មិនមែនជាអ្នកទទួល)
ft-not-recorded = មិនបានកត់ត្រា
ft-none-recorded = មិនមានការកត់ត្រា

## ក្រោយលិខិត (letters/follow_through.html)

ft-the-letter = លិខិត
ft-heading = ក្រោយលិខិត៖ { $title }
ft-as-of = គិតត្រឹមថ្ងៃ
ft-as-of-notice = ដូចដែលមាននៅ{ $day }៖ ការបញ្ជូន និងការឆ្លើយតបដែលមានកាលបរិច្ឆេទត្រឹមពេលនោះ។
ft-not-written = នៅ{ $day } លិខិតនេះមិនទាន់ត្រូវបានសរសេរនៅឡើយទេ។
ft-dated = ចុះ{ $date }។
ft-asks-for = លិខិតនេះស្នើសុំ
ft-follows = លិខិតនេះជាការតាមដានលិខិត
ft-followed-by = ត្រូវបានតាមដានដោយ
ft-parties = អ្វីដែលអ្នកទទួលម្នាក់ៗបានធ្វើ
ft-deliveries = ការបញ្ជូន
ft-delivery-line = ទៅ { $to } តាម{ $method }
ft-none = មិនមានការកត់ត្រាទេ។
ft-responses = ការឆ្លើយតប
ft-the-text = អត្ថបទ
ft-source = ប្រភព៖ { $source }
ft-deadlines = កាលកំណត់
ft-every-addressee = អ្នកទទួលទាំងអស់
ft-late = ហួសកាលកំណត់ដោយគ្មានការឆ្លើយតប
ft-record = កត់ត្រាអ្វីដែលបានកើតឡើង
ft-nothing-recorded = គ្មានអ្វីត្រូវបានកត់ត្រាទេ។ សូមកែតម្រូវ៖
ft-a-delivery = ការបញ្ជូនមួយ
ft-to = ទៅ
ft-date = កាលបរិច្ឆេទ
ft-how = មធ្យោបាយ
ft-note = កំណត់សម្គាល់
ft-record-delivery = កត់ត្រាការបញ្ជូន
ft-a-response = ការឆ្លើយតបមួយ
ft-from = ពី
ft-received-on = ទទួលបាននៅថ្ងៃ
ft-summary = សេចក្តីសង្ខេប
ft-its-text = អត្ថបទរបស់វា
ft-source-id = លេខសម្គាល់ប្រភព
ft-record-response = កត់ត្រាការឆ្លើយតប
ft-a-deadline = កាលកំណត់មួយ
ft-by = ត្រឹមថ្ងៃ
ft-for = សម្រាប់
ft-every-addressee-option = អ្នកទទួលទាំងអស់
ft-asked = អ្វីដែលត្រូវបានស្នើសុំ
ft-record-deadline = កត់ត្រាកាលកំណត់
ft-a-follow-up = លិខិតនេះជាការតាមដានលិខិតមុនមួយ
ft-earlier = លិខិតមុន
ft-record-follow-up = កត់ត្រាការតាមដាន

## លិខិតដែលកំពុងរង់ចាំការឆ្លើយតប (letters/awaiting.html)

awaiting-title = លិខិតដែលកំពុងរង់ចាំការឆ្លើយតប
awaiting-about = កាលកំណត់មុន{ $day } ដែលមិនទាន់មានការឆ្លើយតបត្រូវបានកត់ត្រាពីអ្នកទទួលដែលពាក់ព័ន្ធ (ពីអ្នកទទួលណាមួយ សម្រាប់កាលកំណត់ដែលពាក់ព័ន្ធនឹងអ្នកទទួលទាំងអស់) ដែលហួសកាលកំណត់យូរជាងគេមុន។
awaiting-col-letter = លិខិត
awaiting-col-deadline = កាលកំណត់
awaiting-col-for = សម្រាប់
awaiting-col-asked = អ្វីដែលបានស្នើសុំ
awaiting-col-late = ចំនួនថ្ងៃយឺត
awaiting-none = គ្មានលិខិតណាមួយកំពុងរង់ចាំការឆ្លើយតបហួសកាលកំណត់ទេ។

## បទប្បញ្ញត្តិ (provision.html)

text-status-verified = បានផ្ទៀងផ្ទាត់
text-status-unverified = មិនទាន់ផ្ទៀងផ្ទាត់
text-status-translation = ការបកប្រែ
text-status-quoted = ដកស្រង់
text-status-missing = គ្មាន
pv-text-status = អត្ថបទ៖ { $status }
pv-no-text = អត្ថបទនៃបទប្បញ្ញត្តិនេះមិនមានទេ។
pv-no-text-source = អត្ថបទនៃបទប្បញ្ញត្តិនេះមិនមានទេ ({ $source })។
pv-translation = ការបកប្រែ ({ $lang }, { $status })
pv-confirmed = ការរកឃើញដែលបានបញ្ជាក់
pv-confirmed-as-of = ការរកឃើញដែលបានបញ្ជាក់ គិតត្រឹម{ $day }
pv-none = គ្មាន។
pv-score-caption = កម្រិតនៃការអនុវត្តដែលបានបញ្ជាក់ (០ មិនបានអនុវត្ត ១ តិចតួច ២ មធ្យម ៣ ពេញលេញ) ដែលកម្រិតនីមួយៗមានសុពលភាពរហូតដល់កម្រិតបន្ទាប់។
pv-col-score = កម្រិត
pv-no-observation = មិនមានការសង្កេតដែលបានបញ្ជាក់ទេ។
pv-no-observation-as-of = មិនមានការសង្កេតដែលបានបញ្ជាក់ ចុះកាលបរិច្ឆេទត្រឹម{ $day }ទេ។
pv-violations-caption = ការរកឃើញដែលបានបញ្ជាក់លើបទប្បញ្ញត្តិនេះ និងផ្នែករងរបស់វា តាមឆ្នាំនៃហេតុការណ៍ដំបូងបំផុតរបស់វា។
pv-implementation-as-of = ការអនុវត្ត គិតត្រឹម{ $day }
pv-latest-for = សម្រាប់{ $date }៖ ការសង្កេតដែលបានបញ្ជាក់ចុងក្រោយបំផុត។
pv-latest-for-coded = សម្រាប់{ $date } ដាក់លេខកូដដោយ { $coder }៖ ការសង្កេតដែលបានបញ្ជាក់ចុងក្រោយបំផុត។
pv-scale = តាមមាត្រដ្ឋាន Peace Accords Matrix៖ ០ មិនបានអនុវត្ត ១ តិចតួច ២ មធ្យម ៣ អនុវត្តពេញលេញ។ លេខកូដនៃឆ្នាំមួយបង្ហាញពីស្ថានភាពនៅចុងឆ្នាំនោះ។
pv-observations = ការសង្កេត
pv-coded-by = ដាក់លេខកូដដោយ { $coder }
pv-coded-reviewed = ដាក់លេខកូដដោយ { $coder }; ពិនិត្យដោយ { $reviewer }
pv-confirm = បញ្ជាក់
pv-retract = ដកវិញ
pv-back-to-draft = ត្រឡប់ទៅសេចក្តីព្រាងវិញ
pv-record = កត់ត្រាការសង្កេតមួយ
pv-date = កាលបរិច្ឆេទដែលបានពិពណ៌នា
pv-date-placeholder = ឆឆឆឆ, ឆឆឆឆ-ខខ ឬ ឆឆឆឆ-ខខ-ថថ
pv-choose = ជ្រើសរើស
pv-sources = ប្រភព
pv-sources-placeholder = លេខសម្គាល់ប្រភព ដោយបំបែកដោយសញ្ញាក្បៀស
pv-coded-by-label = ដាក់លេខកូដដោយ
pv-submit = កត់ត្រាជាសេចក្តីព្រាង

## ការបោះឆ្នោត (elections.html, elections_simulation.html)

el-col-election = ការបោះឆ្នោត
el-col-method = វិធីសាស្ត្រ
el-col-seats = អាសនៈ
el-col-constituencies = មណ្ឌលបោះឆ្នោត
el-col-parties = គណបក្ស
el-col-party = គណបក្ស
el-col-votes = សម្លេងឆ្នោត
el-unreadable = មិនអាចអានឯកសារការបោះឆ្នោតនេះបានទេ៖ { $error }
el-none = សំណុំរឿងនេះមិនមានការបោះឆ្នោតទេ។ ការបោះឆ្នោតមួយគឺជាឯកសារមួយនៅក្នុងថត elections/ នៃកញ្ចប់សំណុំរឿង (សូមមើល README នៃម៉ាស៊ីនគណនាការបោះឆ្នោត សម្រាប់ទម្រង់របស់វា)។
sim-heading = { $name }៖ ការព្យាករ Monte-Carlo
sim-about = ការសាកល្បងនីមួយៗចាប់សម្លេងឆ្នោតនៃមណ្ឌលនីមួយៗឡើងវិញ តាមបំណែងចែក Dirichlet ជុំវិញភាគរយដែលបានកត់ត្រា (K កាន់តែធំ សម្លេងឆ្នោតកាន់តែប្រែប្រួលតិច៖ K = ៤០០ ធ្វើឱ្យភាគរយ ២៥ % ប្រែប្រួលប្រហែល ±២ ពិន្ទុ) ហើយបែងចែកអាសនៈតាមច្បាប់ផ្ទាល់របស់ការបោះឆ្នោតនោះ។ គ្រាប់ពូជដដែលផ្តល់តួលេខដដែល។
sim-refused = មិនអាចដំណើរការការព្យាករតាមការស្នើសុំបានទេ គ្មានអ្វីត្រូវបានដំណើរការទេ៖
sim-runs = ចំនួនដងសាកល្បង
sim-noise = កម្រិតប្រែប្រួល
sim-seed = គ្រាប់ពូជ
sim-run = ដំណើរការ
sim-seats-over = អាសនៈក្នុងការសាកល្បង { $runs } ដង
sim-summary = វិធីសាស្ត្រ { $method } កម្រិតប្រែប្រួល { $noise } គ្រាប់ពូជ { $seed }; អាសនៈ { $house } សំឡេងភាគច្រើនគឺ { $majority }។
sim-lots = ក្នុងការសាកល្បង { $runs } ដង ភាពស្មើគ្នាសម្រាប់អាសនៈមួយត្រូវបានសម្រេចដោយការចាប់ឆ្នោត។
sim-chart-caption = សម្រាប់គណបក្សនីមួយៗ៖ ចន្លោះអាសនៈដែល ៩០ % នៃការសាកល្បងធ្លាក់ចូល (របារ) មេដ្យាន (បន្ទាត់) និងមធ្យមភាគ (ចំណុច)។
sim-col-mean = អាសនៈជាមធ្យម
sim-col-p5 = ប៉ែរសង់ទីលទី៥
sim-col-median = មេដ្យាន
sim-col-p95 = ប៉ែរសង់ទីលទី៩៥
sim-col-majority = សំឡេងភាគច្រើនក្នុង
sim-col-seat = យ៉ាងហោចណាស់មួយអាសនៈក្នុង
sim-histogram-caption = សម្រាប់គណបក្សនីមួយៗ៖ ចំនួនដងសាកល្បងដែលផ្តល់ឱ្យវានូវចំនួនអាសនៈនីមួយៗ។
sim-col-seats-runs = អាសនៈ៖ ចំនួនដង

## ការនាំចូលតារាង (import.html)

imp-about = ឯកសារនាំចេញពី ACLED និង Uwazi កិច្ចព្រមព្រៀង PA-X ឬសៀវភៅបញ្ជីផ្ទាល់ខ្លួនរបស់អ្នក (CSV ឬ XLSX រហូតដល់ ៨ MiB ឯកសារធំជាងនេះប្រើ accord import)។ គ្មានអ្វីត្រូវបានសរសេរទេ រហូតដល់អ្នកបានឃើញជួរដេកដំបូងៗ ការផ្គូផ្គងជួរឈរ និងអ្វីដែលការនាំចូលនឹងធ្វើ។ ទម្រង់នីមួយៗត្រូវបានពិពណ៌នាតាមជួរឈរនីមួយៗ នៅក្នុង docs/import.md របស់ Accord។
imp-format = ទម្រង់
imp-format-table = សៀវភៅបញ្ជី (ផ្គូផ្គងតាមជួរឈរ)
imp-format-acled = ឯកសារនាំចេញពី ACLED
imp-format-uwazi = CSV ពី Uwazi
imp-format-pax = កិច្ចព្រមព្រៀង PA-X
imp-file = ឯកសារ
imp-preview = មើលជាមុន
imp-file-rows = { $file } ({ $format })៖ ជួរដេក { $rows }។
imp-imported = បាននាំចូលហើយ។
imp-nothing-imported = គ្មានអ្វីត្រូវបាននាំចូលទេ៖ សូមកែជួរដេកខាងក្រោម ហើយនាំចូលឯកសារម្តងទៀត។
imp-what-was-done = អ្វីដែលបានធ្វើ
imp-what-would-do = អ្វីដែលការនាំចូលនឹងធ្វើ
imp-incidents = ហេតុការណ៍
imp-actors = តួអង្គ
imp-sources = ប្រភព
imp-instruments = លិខិតុបករណ៍
imp-created = បានបង្កើត
imp-updated = បានធ្វើបច្ចុប្បន្នភាព
imp-unchanged = មិនបានប៉ះពាល់៖ កំណត់ត្រា { $count }។
imp-problems = បញ្ហា
imp-problems-about = ជួរដេកនីមួយៗដែលមានបញ្ហាត្រូវបានបដិសេធ ប្រសិនបើមានជួរដេកមួយត្រូវបានបដិសេធ គ្មានអ្វីត្រូវបាននាំចូលទេ។
imp-col-row = ជួរដេក
imp-col-column = ជួរឈរ
imp-col-value = តម្លៃ
imp-col-wrong = អ្វីដែលខុស
imp-more-problems = … និង { $count } ទៀត។
imp-first-rows = ជួរដេកដំបូងៗ
imp-mapping = ការផ្គូផ្គង (TOML៖ ជួរឈរណាជាវាលណា date_order បញ្ជាក់ពីរបៀបអាន 03/04/2017)
imp-preview-again = មើលជាមុនម្តងទៀតជាមួយការផ្គូផ្គងនេះ
imp-import = នាំចូល
imp-another = នាំចូលឯកសារមួយទៀត

## Charts (svg/, charts.rs): their titles, descriptions, keys and axes
chart-no-party = គ្មានគណបក្សត្រូវបង្ហាញទេ។
chart-no-seats = គ្មានអាសនៈត្រូវបង្ហាញទេ។
chart-nothing-yet = មិនទាន់មានអ្វីត្រូវបង្ហាញនៅឡើយទេ។
chart-no-observation = មិនទាន់មានការសង្កេតដែលបានបញ្ជាក់នៅឡើយទេ។
chart-list = { $parts }។
chart-vs-party = { $party }៖ { $votes } នៃសម្លេងឆ្នោត { $seats } នៃអាសនៈ
chart-vs-desc = ភាគរយសម្លេងឆ្នោត និងភាគរយអាសនៈ តាមគណបក្សនីមួយៗ។ { $parts }។
chart-vs-key-votes = ភាគរយសម្លេងឆ្នោត
chart-vs-key-seats = ភាគរយអាសនៈ (ពណ៌គណបក្ស)
chart-vs-bar-votes = សម្លេង { $share }
chart-vs-bar-seats = អាសនៈ { $share }
chart-diff-desc = ភាគរយអាសនៈ ដកភាគរយសម្លេងឆ្នោត តាមគណបក្សនីមួយៗ គិតជាពិន្ទុភាគរយ (វិជ្ជមាន៖ អាសនៈច្រើនជាងសម្លេងឆ្នោត)។ { $parts }។
chart-diff-axis = { $points } ពិន្ទុ
chart-hemi-desc = ដ្យាក្រាមសភា { $total } អាសនៈ ពីឆ្វេងទៅស្តាំ៖ { $parts }។ សំឡេងភាគច្រើនគឺ { $majority } អាសនៈ។
chart-hemi-party = { $party }៖ { $seats } អាសនៈ
chart-hemi-total = { $total } អាសនៈ
chart-hemi-majority = សំឡេងភាគច្រើន { $majority }
chart-range-party = { $party }៖ ៩០% នៃការសាកល្បង ចន្លោះពី { $low } ដល់ { $high } អាសនៈ មេដ្យាន { $median } មធ្យមភាគ { $mean }
chart-majority-desc = { $parts }។ សំឡេងភាគច្រើនគឺ { $majority } អាសនៈ។
chart-majority-line = សំឡេងភាគច្រើន៖ { $majority }
chart-range-title = { $party }៖ ប៉ែរសង់ទីលទី៥ { $p5 } មេដ្យាន { $median } ប៉ែរសង់ទីលទី៩៥ { $p95 } មធ្យមភាគ { $mean }
chart-range-label = { $low }–{ $high } (មេដ្យាន { $median })
chart-hist-each = { $seats } អាសនៈ ក្នុងការសាកល្បង { $runs } ដង
chart-lane-none = { $lane }៖ គ្មាន
chart-score-desc = ពិន្ទុនៃការអនុវត្ត តាមកាលបរិច្ឆេទ៖ { $parts }។
chart-implementation-title = ការអនុវត្ត { $citation } តាមពេលវេលា
chart-violations-title = ការរកឃើញដែលបានបញ្ជាក់ លើ { $citation } តាមឆ្នាំ
chart-timeline-title = យន្តការដែលបានដាក់ឱ្យដំណើរការ លិខិតដែលបានផ្ញើ និងការឆ្លើយតបដែលបានទទួល
chart-findings-title-month = ការរកឃើញដែលបានបញ្ជាក់ តាមខែ តាមការវាយតម្លៃ
chart-findings-title-year = ការរកឃើញដែលបានបញ្ជាក់ តាមឆ្នាំ តាមការវាយតម្លៃ
chart-event-triggered = { $provision } បានដាក់ឱ្យដំណើរការ ({ $mechanism })
chart-event-letter = លិខិត៖ { $title }
chart-event-response = { $who }៖ { $action } ({ $letter })
dash-lane-triggered = យន្តការដែលបានដាក់ឱ្យដំណើរការ
dash-lane-letters = លិខិតដែលបានផ្ញើ
dash-lane-responses = ការឆ្លើយតបដែលបានទទួល

## An election's page (elections_show.html and its handlers)
el-all = ការបោះឆ្នោតទាំងអស់នៃសំណុំរឿងនេះ
el-seats-in = { $seats } ក្នុងមណ្ឌលបោះឆ្នោត { $constituencies }
el-party-votes = សម្លេងឆ្នោតរបស់គណបក្ស
el-threshold = កម្រិតអប្បបរមាថ្នាក់ជាតិ
el-constituency-threshold = កម្រិតអប្បបរមាថ្នាក់មណ្ឌល
el-about-data = អំពីទិន្នន័យនេះ
el-sources = ប្រភពនៃឯកសារការបោះឆ្នោត ({ $count })
el-votes-seats = សម្លេងឆ្នោត និងអាសនៈ
el-seats-shown = អាសនៈដែលបង្ហាញ៖ { $basis }។
el-basis-official = អាសនៈផ្លូវការដែលបានកត់ត្រាក្នុងឯកសារការបោះឆ្នោត
el-basis-computed = អាសនៈដែលគណនាដោយវិធីសាស្ត្ររបស់ការបោះឆ្នោត
el-basis-none = គ្មានអាសនៈ៖ វិធីសាស្ត្រនេះមិនអាចបែងចែកសម្លេងឆ្នោតទាំងនេះបានទេ (សូមមើលកំណត់សម្គាល់)
el-chart-caption = ភាគរយសម្លេងឆ្នោត (ពណ៌ប្រផេះ) ធៀបនឹងភាគរយអាសនៈ (ពណ៌គណបក្ស) គណបក្សធំជាងគេមុន។ តួលេខដដែលមាននៅក្នុងតារាងខាងក្រោម។
el-table-caption = សម្លេងឆ្នោត និងអាសនៈ តាមគណបក្ស
el-table-caption-computed = សម្លេងឆ្នោត និងអាសនៈ តាមគណបក្ស ជាមួយអាសនៈដែលវិធីសាស្ត្ររបស់ការបោះឆ្នោតគណនាពីសម្លេងឆ្នោតទាំងនេះ
el-col-vote-share = ភាគរយសម្លេងឆ្នោត
el-col-seat-share = ភាគរយអាសនៈ
el-col-difference = អាសនៈ − សម្លេងឆ្នោត (ពិន្ទុ)
el-col-computed = អាសនៈដែលបានគណនា ({ $method })
el-hemicycle-caption = សភា មួយចំណុចសម្រាប់មួយអាសនៈ គណបក្សពីឆ្វេង តាមលំដាប់សម្លេងឆ្នោត។
el-disproportionality = ភាពមិនសមាមាត្រ
el-col-index = សន្ទស្សន៍
el-index-official = អាសនៈផ្លូវការ
el-index-computed = អាសនៈដែលបានគណនា
el-index-computed-by = បានគណនា ({ $method })
el-index-gallagher = Gallagher
el-index-gallagher-about = សន្ទស្សន៍ការេតូចបំផុត គិតជាភាគរយ៖ ០ គឺសមាមាត្រឥតខ្ចោះ
el-index-loosemore-hanby = Loosemore–Hanby
el-index-loosemore-hanby-about = ពាក់កណ្តាលនៃផលបូកគម្លាតរវាងភាគរយអាសនៈ និងភាគរយសម្លេងឆ្នោត គិតជាភាគរយ
el-index-sainte-lague = សន្ទស្សន៍ Sainte-Laguë
el-index-sainte-lague-about = ផលបូកការេនៃគម្លាត ថ្លឹងដោយភាគរយសម្លេងឆ្នោត
el-index-enp-votes = ចំនួនគណបក្សប្រសិទ្ធភាព (សម្លេងឆ្នោត)
el-index-enp-votes-about = Laakso–Taagepera តាមសម្លេងឆ្នោត
el-index-enp-seats = ចំនួនគណបក្សប្រសិទ្ធភាព (អាសនៈ)
el-index-enp-seats-about = Laakso–Taagepera តាមអាសនៈ
el-breakdown = អាសនៈផ្លូវការតាមអង្គភាពនីមួយៗ ដូចដែលបានកត់ត្រា (អង្គភាព { $units })
el-col-unit = អង្គភាព
el-col-won = បានឈ្នះ
el-no-seat = គ្មាន
el-simulation-link = ការព្យាករ Monte-Carlo
el-simulation-about = អាសនៈអាចប្រែប្រួលបានប៉ុណ្ណា ប្រសិនបើសម្លេងឆ្នោតប្រែប្រួលបន្តិច។
el-flag-cannot-allocate = វិធីសាស្ត្ររបស់ការបោះឆ្នោត ({ $method }) មិនអាចបែងចែកសម្លេងឆ្នោតទាំងនេះបានទេ៖ { $reason }។
el-flag-difference = { $party }៖ គណនាបាន { $computed } កត់ត្រា { $recorded }
el-flag-difference-in = { $party } នៅ { $place }៖ គណនាបាន { $computed } កត់ត្រា { $recorded }
el-flag-differ = អាសនៈដែលវិធីសាស្ត្រ ({ $method }) គណនាពីសម្លេងឆ្នោតទាំងនេះ ខុសពីអាសនៈផ្លូវការ — { $differences }{ $more ->
    [0] {""}
   *[other] {" "}និង { $more } ទៀត
}។ ទំព័រនេះបង្ហាញអាសនៈផ្លូវការ។
el-flag-tie = ភាពស្មើគ្នានៅ { $place } ចាប់ពីអាសនៈទី { $seat }៖ { $tied } ស្មើគ្នាទាំងស្រុង ហើយត្រូវបានសម្រេចដោយ “{ $rule }” ឱ្យ { $winners }។
el-flag-below-threshold = ក្រោមកម្រិតអប្បបរមាថ្នាក់ជាតិ៖ { $parties }។
el-flag-breakdown = អាសនៈផ្លូវការក៏ត្រូវបានកត់ត្រាសម្រាប់អង្គភាព { $units } ដែលមិនមែនជាមណ្ឌលបោះឆ្នោតនៃឯកសារ (មានបញ្ជីខាងក្រោម)។ សម្លេងឆ្នោតរបស់វាមិនមាននៅក្នុងឯកសារទេ ដូច្នេះគ្មានអ្វីត្រូវបានគណនានៅទីនេះតាមអង្គភាពទេ។
el-scenario = សេណារីយ៉ូនៃការរំលាយ
el-scenario-refused = មិនអាចគណនាសេណារីយ៉ូតាមការស្នើសុំបានទេ៖
el-field-error = { $field }៖ { $message }
el-field-party = គណបក្សដែលត្រូវរំលាយ
el-field-rule = ច្បាប់ដែលត្រូវប្រៀបធៀប
el-field-scope = គណបក្សតូចៗដែលរាប់បញ្ចូល
el-field-basis = អាសនៈមុន
el-field-declined = គណបក្សដែលបដិសេធអាសនៈដែលបានផ្តល់ឱ្យ (ច្បាប់គណបក្សតូចៗ)
el-rule-recorded = តាមការកត់ត្រា៖ អ្វីដែលអាជ្ញាធរបានសម្រេច ដូចដែលឯកសារការបោះឆ្នោតបានកត់ត្រា
el-rule-minor-parties = គណបក្សតូចៗ៖ អាសនៈផ្តល់ទៅតែគណបក្សដែលមិនបានឈ្នះអាសនៈណាមួយ តាមមធ្យមភាគខ្ពស់បំផុត ហើយអាសនៈដែលត្រូវបានបដិសេធ ផ្ទេរទៅគណបក្សដែលមានអាសនៈរួចហើយ
el-rule-rerun = គណនាឡើងវិញ៖ វិធីសាស្ត្ររបស់ការបោះឆ្នោត ត្រូវបានអនុវត្តម្តងទៀត ហាក់ដូចជាគណបក្សនោះមិនបានឈរឈ្មោះ
el-rule-short-recorded = តាមការកត់ត្រា
el-rule-short-minor-parties = គណបក្សតូចៗ
el-rule-short-rerun = គណនាឡើងវិញ
el-scope-national = ថ្នាក់ជាតិ៖ គណបក្សដែលគ្មានអាសនៈនៅកន្លែងណាមួយ
el-scope-constituency = តាមមណ្ឌល៖ គណបក្សដែលគ្មានអាសនៈនៅមណ្ឌលនោះ
el-scope-short-national = ថ្នាក់ជាតិ
el-scope-short-constituency = តាមមណ្ឌល
el-basis-choice-default = លំនាំដើម៖ អាសនៈផ្លូវការ នៅពេលឯកសារកត់ត្រាវាទាំងអស់
el-basis-choice-recorded = អាសនៈផ្លូវការ
el-basis-choice-computed = អាសនៈដែលវិធីសាស្ត្ររបស់ការបោះឆ្នោតគណនា
el-compute = គណនា
el-scenario-from-data = បង្ហាញតាមលំនាំដើម៖ ការរំលាយ { $party } ដែលឯកសារការបោះឆ្នោតបានកត់ត្រា ដូចដែលបានកត់ត្រា និងដូចដែលច្បាប់គណបក្សតូចៗគណនា (ជាមួយគណបក្សដែលបានបដិសេធ ដូចដែលបានកត់ត្រា)។ សូមកែទម្រង់បែបបទ ដើម្បីសាកល្បងមួយផ្សេងទៀត។
el-scenario-of = ការរំលាយ { $party }។
el-seats-before = អាសនៈមុន៖ { $seats }
el-before-basis-recorded = អាសនៈផ្លូវការ
el-before-basis-computed = គណនាដោយវិធីសាស្ត្ររបស់ការបោះឆ្នោត
el-before = មុន
el-after = ក្រោយ៖ { $rule }
el-chart-votes-seats = { $name }៖ ភាគរយសម្លេងឆ្នោត និងភាគរយអាសនៈ
el-chart-seats = { $name }៖ អាសនៈ
el-chart-before = មុន៖ អាសនៈដោយមាន { $party }
el-chart-differences = ភាគរយអាសនៈ ដកភាគរយសម្លេងឆ្នោត មុន និងក្រោយ
el-rule-failed = មិនអាចគណនាច្បាប់នេះនៅទីនេះបានទេ៖ { $reason }
el-seats-after = អាសនៈក្រោយ៖ { $seats }។
el-title-minor = គណបក្សតូចៗ ({ $scope }, D'Hondt)
el-title-minor-declined = គណបក្សតូចៗ ({ $scope }, D'Hondt; បានបដិសេធ៖ { $declined })
el-title-recorded = តាមការកត់ត្រា (អ្វីដែលអាជ្ញាធរបានសម្រេច)
el-title-rerun = គណនាឡើងវិញ ដោយគ្មាន { $party }
el-step-award = ការផ្តល់ទៅគណបក្សដែលគ្មានអាសនៈ
el-step-award-constituency = ការផ្តល់ទៅគណបក្សដែលគ្មានអាសនៈក្នុងមណ្ឌល
el-step-declined = អាសនៈដែលត្រូវបានបដិសេធ
el-step-passed-on = អាសនៈដែលត្រូវបានបដិសេធ ផ្ទេរទៅគណបក្សដែលមានអាសនៈ
el-step-recorded-award = ការផ្តល់ដែលបានកត់ត្រា
el-step-recorded-declined = កត់ត្រាថាបានបដិសេធ
el-step-recorded-passed-on = អាសនៈដែលត្រូវបានបដិសេធ ដូចដែលបានកត់ត្រា
el-note-no-seat = { $party } គ្មានអាសនៈមុនការរំលាយទេ៖ គ្មានអ្វីត្រូវបែងចែកឡើងវិញទេ
el-note-rerun-recorded = អាសនៈមុន គឺអាសនៈដែលបានកត់ត្រា អាសនៈក្រោយ ត្រូវបានគណនាដោយវិធីសាស្ត្ររបស់ការបោះឆ្នោត ដោយគ្មានគណបក្សនោះ
el-note-tie = ភាពស្មើគ្នានៅ { $place } ចាប់ពីអាសនៈទី { $seat } រវាង { $tied } ត្រូវបានសម្រេចដោយ “{ $rule }” ឱ្យ { $winners }
el-recorded = បានកត់ត្រា
el-recorded-on = បានកត់ត្រានៅ{ $date }
el-recorded-sources = { $recorded } (ប្រភព { $sources })
el-recorded-note = { $recorded }៖ { $note }
el-scenario-table-caption = អាសនៈមុន និងក្រោយ និងភាគរយអាសនៈ ដកភាគរយសម្លេងឆ្នោត (ពិន្ទុភាគរយ)
el-col-seats-before = អាសនៈមុន
el-col-difference-before = អាសនៈ − សម្លេងឆ្នោត មុន
el-col-difference-after = អាសនៈ − សម្លេងឆ្នោត ក្រោយ៖ { $rule }
el-differences-caption = ភាគរយអាសនៈ ដកភាគរយសម្លេងឆ្នោត តាមគណបក្ស មុន និងក្រោយច្បាប់នីមួយៗ៖ ខាងស្តាំសូន្យ មានអាសនៈច្រើនជាងសម្លេងឆ្នោត។
el-no-dissolution = ឯកសារការបោះឆ្នោតមិនបានកត់ត្រាការរំលាយណាមួយទេ។ សូមជ្រើសរើសគណបក្សមួយ និងច្បាប់មួយ ឬច្រើនខាងលើ ដើម្បីមើលថាការរំលាយមួយនឹងធ្វើអ្វី។
el-err-party-missing = សូមជ្រើសរើសគណបក្សដែលត្រូវរំលាយ
el-err-party-unknown = “{ $party }” មិនបានឈរឈ្មោះក្នុងការបោះឆ្នោតនេះទេ (គណបក្ស៖ { $parties })
el-err-rule-unknown = មិនស្គាល់ច្បាប់ “{ $rule }” (ច្បាប់៖ recorded, minor-parties, rerun)
el-err-rule-missing = សូមជ្រើសរើសច្បាប់យ៉ាងហោចណាស់មួយ
el-err-rule-not-recorded = ឯកសារការបោះឆ្នោតមិនបានកត់ត្រាការរំលាយ “{ $party }” ទេ សូមជ្រើសរើសច្បាប់ផ្សេងទៀត
el-err-scope-unknown = មិនស្គាល់វិសាលភាព “{ $scope }” (national ឬ constituency)
el-err-basis-not-recorded = ឯកសារការបោះឆ្នោតមិនបានកត់ត្រាអាសនៈផ្លូវការសម្រាប់គ្រប់មណ្ឌលទេ
el-err-basis-unknown = មិនស្គាល់មូលដ្ឋាន “{ $basis }” (recorded ឬ computed)
el-err-declined-unknown = “{ $party }” មិនបានឈរឈ្មោះក្នុងការបោះឆ្នោតនេះទេ
el-err-declined-dissolved = “{ $party }” គឺជាគណបក្សដែលត្រូវរំលាយ វាមិនអាចបដិសេធផងបានទេ
sim-err-runs-zero = យ៉ាងហោចណាស់ ១ ដង
sim-err-runs-max = យ៉ាងច្រើនបំផុត { $max } ដងនៅលើទំព័រនេះ (បន្ទាត់បញ្ជាទទួលបានច្រើនជាងនេះ៖ accord elections simulate)
sim-err-runs-house = យ៉ាងច្រើនបំផុត { $max } ដង សម្រាប់សភា { $house } អាសនៈ នៅលើទំព័រនេះ (បន្ទាត់បញ្ជាទទួលបានច្រើនជាងនេះ៖ accord elections simulate)
sim-err-runs-number = “{ $value }” មិនមែនជាចំនួនគត់នៃការសាកល្បងទេ
sim-err-noise = រំពឹងថា dirichlet:K ដែល K ជាលេខធំជាង ០ និងយ៉ាងច្រើនបំផុត { $max } តែបានទទួល “{ $value }”
sim-err-seed = “{ $value }” មិនមែនជាគ្រាប់ពូជទេ (ចំនួនគត់ពី ០ ដល់ { $max })
sim-histogram-title = ចំនួនដងសាកល្បងដែលផ្តល់ឱ្យគណបក្សនីមួយៗនូវចំនួនអាសនៈនីមួយៗ (សាកល្បង { $runs } ដង)

## A refused field's explanation (refusals.rs): the kinds the core gives, and the fields' names
refusal-field = { $field }៖ { $reason }
refusal-empty = វាលនេះមិនត្រូវទទេទេ
refusal-finding-incident = ការរកឃើញមួយត្រូវការហេតុការណ៍យ៉ាងហោចណាស់មួយ
refusal-no-provision = សំណុំរឿងនេះគ្មានបទប្បញ្ញត្តិ { $id } ទេ
refusal-no-actor = សំណុំរឿងនេះគ្មានតួអង្គ “{ $id }” ទេ
refusal-no-incident = សំណុំរឿងនេះគ្មានហេតុការណ៍ “{ $id }” ទេ
refusal-no-source = សំណុំរឿងនេះគ្មានប្រភព “{ $id }” ទេ
refusal-no-instrument = សំណុំរឿងនេះគ្មានលិខិតុបករណ៍ “{ $id }” ទេ
refusal-date = “{ $value }” មិនមែនជាកាលបរិច្ឆេទទេ៖ សូមសរសេរ 2017-09-03, 2017-09, 2017, រយៈពេល A..B ឬ A..
refusal-date-month = “{ $value }” មិនមែនជាកាលបរិច្ឆេទទេ៖ គ្មានខែទី{ $month }ទេ
refusal-date-days = “{ $value }” មិនមែនជាកាលបរិច្ឆេទទេ៖ { $month } មាន { $days } ថ្ងៃ
refusal-date-range = “{ $value }” មិនមែនជារយៈពេលទេ៖ វាបញ្ចប់មុនពេលចាប់ផ្តើម
refusal-day = “{ $value }” មិនមែនជាថ្ងៃទេ៖ សូមសរសេរជា 2017-09-03
refusal-url = “{ $value }” មិនមែនជាអាសយដ្ឋានគេហទំព័រទេ៖ វាចាប់ផ្តើមដោយ https:// ឬ http://
refusal-id = “{ $value }” មិនមែនជាលេខសម្គាល់ទេ៖ អក្សរ លេខ ចំណុច _ ឬ - ពី ១ ដល់ ១០០ តួ ដោយចាប់ផ្តើមដោយអក្សរ ឬលេខ
field-title = ចំណងជើង
field-date = កាលបរិច្ឆេទ
field-kind = ប្រភេទ
field-place = ទីកន្លែង
field-summary = សេចក្តីសង្ខេប
field-actor = តួអង្គ
field-actors = តួអង្គ
field-source = ប្រភព
field-sources = ប្រភព
field-verdict = ការវាយតម្លៃ
field-rationale = ហេតុផល
field-provision = បទប្បញ្ញត្តិ
field-incident = ហេតុការណ៍
field-incidents = ហេតុការណ៍
field-note = កំណត់សម្គាល់
field-score = ពិន្ទុ
field-email = អ៊ីមែល
field-password = ពាក្យសម្ងាត់
field-name = ឈ្មោះ
field-role = តួនាទី
field-as_of = កាលបរិច្ឆេទនៃស្ថានភាព
field-id = លេខសម្គាល់
field-url = អាសយដ្ឋានគេហទំព័រ
field-status = ស្ថានភាព

## The command line's human output (crates/cli: words.rs; accord case list and case status)
cli-no-cases = គ្មានសំណុំរឿងនៅក្នុង { $db } ទេ (នាំចូលមួយដោយ `accord import DIR`)
cli-col-case = សំណុំរឿង
cli-col-incidents = ហេតុការណ៍
cli-col-findings = ការរកឃើញ
cli-col-title = ចំណងជើង
cli-as-of = គិតត្រឹម{ $day }
cli-mechanisms = យន្តការ
cli-triggered = បានដាក់ឱ្យដំណើរការ ចាប់តាំងពី{ $since } ({ $precision }៖ { $incident }) ដោយការរកឃើញដែលបានបញ្ជាក់ចំនួន { $count }
cli-not-triggered = មិនទាន់ដាក់ឱ្យដំណើរការ
cli-requested-by = ស្នើដោយ
cli-must-act = ត្រូវចាត់វិធានការ
cli-consult = ពិគ្រោះយោបល់ជាមួយ
cli-last-asked = ស្នើចុងក្រោយ
cli-never-asked = មិនដែល (គ្មានលិខិតណាមួយនៃសំណុំរឿង ដកស្រង់បទប្បញ្ញត្តិរបស់វា ឬរាយហេតុការណ៍របស់វាទេ)
cli-latest-response = ការឆ្លើយតបចុងក្រោយ{ $date } ({ $days } ថ្ងៃមុន) ពី { $who }៖ { $action }
cli-no-response = មិនទាន់មានការឆ្លើយតបត្រូវបានកត់ត្រាទេ
cli-asked = { $date } ({ $days } ថ្ងៃមុន) ក្នុង { $letter }; { $answer }
cli-provisions = បទប្បញ្ញត្តិ
cli-col-provision = បទប្បញ្ញត្តិ
cli-col-status = ស្ថានភាព
cli-col-implementation = ការអនុវត្ត

## លិខិតជាច្រើនភាសា (issue 16 §3; ផ្នែកលិខិត)
letters-languages = ជាភាសាផ្សេងទៀត៖
letters-original = ច្បាប់ដើម
letters-out-of-date = ហួសសម័យ
letters-out-of-date-notice = ការបកប្រែនេះហួសសម័យ៖ ច្បាប់ដើមបានផ្លាស់ប្តូរតាំងពីពេលបកប្រែមក។ ហត្ថលេខាភ្ជាប់នឹងអត្ថបទនៃភាសានីមួយៗដាច់ដោយឡែកពីគ្នា។
letters-versions = ភាសា
versions-col-kind = កំណែ
versions-col-translated = បកប្រែដោយ នៅថ្ងៃ
versions-col-state = ស្ថានភាព
versions-translation = ការបកប្រែ
versions-current = ទាន់សម័យ
versions-add = បន្ថែម ឬកែសម្រួលភាសា (កូដដូចជា km ឬ fr)៖
versions-open = បើក
versions-new = កំណែថ្មីជាភាសា { $lang }
versions-edit = កំណែជាភាសា { $lang }
versions-original-text = ច្បាប់ដើម សម្រាប់បកប្រែ
versions-signed-col = បានចុះហត្ថលេខាជាភាសា
sign-languages = លិខិតនេះមានជាច្រើនភាសា។ អ្នកចុះហត្ថលេខាលើអត្ថបទដែលបង្ហាញ ជាភាសានោះតែប៉ុណ្ណោះ (ហត្ថលេខាមានសុពលភាពសម្រាប់តែភាសាដែលបានផ្តល់ឱ្យប៉ុណ្ណោះ)។ អាន និងចុះហត្ថលេខាជាភាសា៖

## មាតិកាជាច្រើនភាសា៖ ការបកប្រែកំណត់ត្រា និងទំព័រអ្នកបកប្រែ (issue 16 §2)

nav-translations = ការបកប្រែ
translation-original = ភាសាដើម ({ $lang })
translation-out-of-date = ការបកប្រែត្រូវធ្វើបច្ចុប្បន្នភាព
translation-add = បកប្រែកំណត់ត្រានេះ
translation-form-help = សរសេរជាភាសា «{ $lang }»។ សូមបំពេញវាលដែលអ្នកបកប្រែ។ វាលដែលទុកទទេ រក្សាការបកប្រែដែលមានស្រាប់។
translation-existing = បានបកប្រែរួចជាភាសា៖
translation-language = ភាសា
translation-other-language = ឬភាសាផ្សេងទៀត (កូដភាសា)
translation-save = រក្សាទុកការបកប្រែ
translation-saved = បានរក្សាទុកការបកប្រែ។
translation-field-title = ចំណងជើង
translation-field-summary = សេចក្តីសង្ខេប
translation-field-place = ទីកន្លែង
translation-field-name = ឈ្មោះ
translation-field-heading = ចំណងជើងរង
translation-field-text = អត្ថបទ
translation-field-notes = កំណត់សម្គាល់
translation-field-note = កំណត់សម្គាល់
translation-field-action = សកម្មភាព
translation-kind-case = សំណុំរឿង
translation-kind-instrument = លិខិតុបករណ៍
translation-kind-provision = បទប្បញ្ញត្តិ
translation-kind-actor = តួអង្គ
translation-kind-source = ប្រភព
translation-kind-incident = ហេតុការណ៍
translation-kind-mechanism = យន្តការ
translation-state-missing = មិនទាន់បកប្រែ
translation-state-out_of_date = ត្រូវធ្វើបច្ចុប្បន្នភាព
translators-title = ការបកប្រែ
translators-intro = កំណត់ត្រានៃសំណុំរឿងនេះ សរសេរជាភាសា «{ $lang }»។ សម្រាប់ភាសានីមួយៗ៖ អត្ថបទដែលមិនទាន់បកប្រែ និងការបកប្រែដែលអត្ថបទដើមបានផ្លាស់ប្តូរតាំងពីពេលបកប្រែមក។
translators-missing = អត្ថបទ { $count } មិនទាន់បកប្រែ។
translators-out-of-date = ការបកប្រែ { $count } ត្រូវធ្វើបច្ចុប្បន្នភាព។
translators-record = កំណត់ត្រា
translators-field = វាល
translators-state = ស្ថានភាព
translators-more = … និង { $count } ទៀត។
translators-done = បានបកប្រែទាំងអស់ហើយ។

## The OpenAPI document's descriptions (routes/api.rs: /api/openapi.json in the request's language; a description without a message here stays English)
api-info = សំណុំរឿង ហេតុការណ៍ ការរកឃើញ បទប្បញ្ញត្តិ និងស្ថានភាពនៃការដាក់ឱ្យដំណើរការរបស់ Accord ជា JSON។ សូមផ្ញើ `Authorization: Bearer <token>` (បង្កើតថូខឹនមួយនៅលើទំព័រគណនីរបស់អ្នក ឬដោយ `accord user token EMAIL NAME`)។ បើគ្មានថូខឹន មានតែសំណុំរឿងដែលបានផ្សព្វផ្សាយប៉ុណ្ណោះដែលអាចមើលឃើញ សម្រាប់តែអាន។ សំណុំរឿងឯកជនដែលអ្នកមិនមានសិទ្ធិមើល ឆ្លើយតប 404 ដូចគ្នានឹងសំណុំរឿងដែលមិនមាន។
api-tag-cases = សំណុំរឿង និងស្ថានភាពនៃការដាក់ឱ្យដំណើរការរបស់វា
api-tag-provisions = បទប្បញ្ញត្តិនៃលិខិតុបករណ៍របស់សំណុំរឿងមួយ
api-tag-incidents = អ្វីដែលបានកើតឡើង ជាមួយកាលបរិច្ឆេទ តួអង្គ និងប្រភព
api-tag-findings = ហេតុការណ៍ដែលត្រូវបានវាយតម្លៃធៀបនឹងបទប្បញ្ញត្តិ និងការពិនិត្យរបស់វា
api-tag-observations = កម្រិតនៃការអនុវត្តបទប្បញ្ញត្តិ មានកាលបរិច្ឆេទ តាមមាត្រដ្ឋាន Peace Accords Matrix (០-៣) និងការពិនិត្យរបស់វា
api-tag-letters = អ្វីដែលបានកើតឡើងក្រោយលិខិតមួយ៖ ការប្រគល់ ការឆ្លើយតប ថ្ងៃផុតកំណត់ ការតាមដាន និងលិខិតដែលកំពុងរង់ចាំការឆ្លើយតប
api-tag-sources = ប្រភពនៃសេចក្តីថ្លែងការណ៍ និងការពិត
api-tag-actors = រដ្ឋ ស្ថាប័ន មន្ត្រី និងអង្គការ ដែលសំណុំរឿងមួយបានដាក់ឈ្មោះ
api-tag-evidence = ឯកសារ ដែលត្រូវបានគណនាហាស់ពេលមកដល់ ជាមួយកំណត់ត្រានៃការប្រមូល និងខ្សែសង្វាក់នៃការរក្សាទុករបស់វា
api-tag-history = កំណែនីមួយៗនៃកំណត់ត្រាមួយ ចាស់ជាងគេមុន
api-bearer = ថូខឹន API ផ្ទាល់ខ្លួន (`accord user token EMAIL NAME` ឬទំព័រគណនី)
api-error-error = អ្វីដែលខុស សម្រាប់មនុស្ស ជាភាសាអង់គ្លេស (ដូចតែងតែ)។ 404 មិនដែលប្រាប់ថាសំណុំរឿងមានឬអត់ទេ។
api-error-code = អ្វីដែលខុស សម្រាប់កម្មវិធី៖ កូដអង់គ្លេសដែលមិនប្រែប្រួល (`bad_request`, `unauthorized`, `forbidden`, `not_found`, `conflict`, `too_large`, `invalid`, `too_many_requests`, `unavailable`, `internal`)។
api-error-message = អ្វីដែលខុស ជាភាសាដែលសំណើបានស្នើ (`Accept-Language`៖ `en`, `fr` ឬ `km`; បើមិនដូច្នោះទេ ភាសាលំនាំដើមរបស់ម៉ាស៊ីនមេ)។ វាលដែលត្រូវបានបដិសេធ ត្រូវបានហៅតាមស្លាករបស់វា ហើយហេតុផលត្រូវបាននិយាយជាភាសានោះ នៅពេល Accord ស្គាល់ប្រភេទនៃការបដិសេធ បើមិនដូច្នោះទេ វាត្រូវបានផ្តល់ជាភាសាអង់គ្លេស ក្រោមសេចក្តីផ្តើមដែលបានបកប្រែ។
api-error-status = ស្ថានភាព HTTP ដដែល។
api-error-field = វាលនៃសំណើដែលកំហុសនិយាយអំពី (កំហុសនៃការផ្ទៀងផ្ទាត់ ស្ថានភាព 422) ជាផ្លូវក្នុងតួ JSON (`title`, `actors[0].role`) ឬឈ្មោះប៉ារ៉ាម៉ែត្រនៃសំណួរ។
api-case-id = លេខសម្គាល់សំណុំរឿង
api-incident-id = លេខសម្គាល់ហេតុការណ៍
api-finding-id = លេខសម្គាល់ការរកឃើញ
api-source-id = លេខសម្គាល់ប្រភព
api-letter-id = លេខសម្គាល់លិខិត
api-observation-id = លេខសម្គាល់ការសង្កេត
api-evidence-id = លេខសម្គាល់ភស្តុតាង
api-token-invalid = ថូខឹនមិនត្រឹមត្រូវទេ
api-no-token = គ្មានថូខឹន ឬថូខឹនមិនត្រឹមត្រូវ
api-no-case = គ្មានសំណុំរឿងនេះ ឬអ្នកហៅមិនមានសិទ្ធិមើលវា
api-no-case-incident = គ្មានសំណុំរឿង ឬហេតុការណ៍នេះ ឬអ្នកហៅមិនមានសិទ្ធិមើលសំណុំរឿង
api-no-case-finding = គ្មានសំណុំរឿង ឬការរកឃើញនេះ ឬអ្នកហៅមិនមានសិទ្ធិមើលសំណុំរឿង
api-no-case-item = គ្មានសំណុំរឿង ឬភស្តុតាងនេះ ឬអ្នកហៅមិនមានសិទ្ធិមើលសំណុំរឿង
api-no-case-source = គ្មានសំណុំរឿង ឬប្រភពនេះ ឬអ្នកហៅមិនមានសិទ្ធិមើលសំណុំរឿង
api-no-case-letter = គ្មានសំណុំរឿង ឬលិខិតនេះ ឬអ្នកហៅមិនមានសិទ្ធិមើលសំណុំរឿង
api-not-json = តួសំណើមិនមែនជា JSON ទេ
api-may-not-edit = តួនាទីរបស់អ្នកហៅមិនអាចកែសំណុំរឿងបានទេ
api-as-of-not-day = `as_of` មិនមែនជាថ្ងៃទេ (`field`៖ `as_of`)
api-filter-invalid = តម្រងមួយមិនត្រឹមត្រូវទេ `field` ប្រាប់ឈ្មោះវា
api-versions = កំណែទាំងឡាយ ចាស់ជាងគេមុន
api-visible-cases = សំណុំរឿងដែលអាចមើលឃើញ តម្រៀបតាមលេខសម្គាល់
api-recorded-draft = បានកត់ត្រាជាសេចក្តីព្រាង `Location` គឺជា URL របស់វា

## An election's page: the engine's reasons a rule cannot be computed
el-engine-no-minor = គ្មានគណបក្សណាដែលគ្មានអាសនៈ មានសម្លេងឆ្នោតដើម្បីទទួលអាសនៈទំនេរ { $seats } ទេ
el-engine-no-minor-in = មណ្ឌល { $place }៖ គ្មានគណបក្សណាដែលគ្មានអាសនៈនៅទីនោះ មានសម្លេងឆ្នោតដើម្បីទទួលអាសនៈទំនេរ { $seats } ទេ

## A signatory's sign-on link on the signatories page (letters/signatories.html)
signon-link-open = តំណនៅបើករហូតដល់{ $day } ម៉ោង { $time } UTC
signon-link-open-forever = តំណនៅបើក
signon-link-expired = តំណបានផុតកំណត់នៅ{ $day } ម៉ោង { $time } UTC
signon-link-used = តំណត្រូវបានប្រើ ({ $outcome }) នៅ{ $day } ម៉ោង { $time } UTC
signon-use-signed = បានចុះហត្ថលេខា
signon-use-declined = បានបដិសេធ
signon-use-withdrawn = បានដកវិញ
signon-use-replaced = ត្រូវបានជំនួសដោយតំណថ្មីជាងនេះ

## A refused field's explanation: the handlers' own sentences, and a busy server
refusal-true-false = ត្រូវតែជា true ឬ false
refusal-review-status = សូមជ្រើសរើស confirmed, retracted ឬ draft
refusal-page = ត្រូវតែជាលេខទំព័រ
refusal-lang = សូមជ្រើសរើស en, fr ឬ km
error-busy = ម៉ាស៊ីនមេកំពុងរវល់។ សូមព្យាយាមម្តងទៀតបន្តិចទៀត។

## The command line: accord case grant and case publish
cli-granted = { $case }៖ { $email } ជា{ $role }
cli-revoked = { $case }៖ { $email } លែងជាសមាជិកទៀតហើយ
cli-published = { $case } ត្រូវបានផ្សព្វផ្សាយ (សម្រាប់តែអាន)
cli-private = { $case } ជាឯកជន

## The command line: accord verify's summary
cli-verify-intact = នៅដដែល៖ { $what }៖ បានផ្ទៀងផ្ទាត់ធាតុកំណត់ហេតុ { $entries } និងឯកសារភស្តុតាង { $evidence }
cli-verify-broken = កំហុស៖ { $what } មិននៅដដែលទេ៖ បញ្ហា { $problems } (បានពិនិត្យធាតុកំណត់ហេតុ { $entries } និងឯកសារភស្តុតាង { $evidence })

## L5 (issue 16 §2): ទំព័រប្រភព និងលិខិតុបករណ៍ ការលុបការបកប្រែ ភាសាដើមនៃកំណត់ត្រា ឬនៃករណី និងការបកប្រែក្នុងប្រវត្តិ
source-authors = អ្នកនិពន្ធ
source-publisher = អ្នកបោះពុម្ពផ្សាយ
source-date = កាលបរិច្ឆេទ
source-url = អាសយដ្ឋាន
source-accessed = បានចូលមើលនៅ
translation-remove = លុបការបកប្រែជាភាសា { $lang }
translation-original-language = សរសេរជាភាសា
translation-original-save = រក្សាទុកភាសាដើម
translators-case-language = កំណត់ត្រានៃករណីនេះសរសេរជាភាសា
history-translations = ការបកប្រែ
history-original-language = ភាសាដើម៖ { $lang }
history-translation-added = បានបន្ថែមការបកប្រែ
history-translation-changed = បានកែប្រែការបកប្រែ
history-translation-removed = បានលុបការបកប្រែ
history-translated-by = បកប្រែដោយ { $who }
cli-translation-removed = បានលុបការបកប្រែ { $kind } { $id } ជាភាសា { $lang }។
cli-translation-original = { $kind } { $id } សរសេរជាភាសា { $lang }។

## Letters in several languages (L6): a version's addressees and CC, removing a version
versions-addressees-help = អ្នកទទួលនៃច្បាប់ដើមជាភាសានេះ មួយក្នុងមួយបន្ទាត់ តាមលំដាប់ដដែល៖ ឈ្មោះ | ងារ | អង្គការ | តួនាទី។ បើទុកដូចច្បាប់ដើម គេនឹងបោះពុម្ពអ្នកទទួលនៃច្បាប់ដើម។
versions-cc-help = បន្ទាត់ចម្លងជូននៃច្បាប់ដើមជាភាសានេះ មួយក្នុងមួយបន្ទាត់ តាមលំដាប់ដដែល។
versions-remove = លុបកំណែនេះ
versions-remove-help = មិនអាចលុបបានទេ ពេលអង្គការណាមួយបានចុះហត្ថលេខាលើវា (លើកលែងតែអង្គការនោះបានដកខ្លួន)។ ប្រវត្តិនៃលិខិតរក្សាអត្ថបទដែលបានលុប។
cli-letter-version-removed = { $letter }៖ បានលុបកំណែ { $lang }។ ឥឡូវលិខិតមានជាភាសា { $languages }។

## The command line (L4): every command's human output; `n` selects the plural, `shown` and
## the other counts are written in the language's digits without grouping.
## accord backup / restore
cli-backed-up = បានបម្រុងទុក { $db } ទៅ { $out }៖ មូលដ្ឋានទិន្នន័យ ({ $db_bytes } បៃ) ឯកសារភស្តុតាង { $shown_files } ({ $bytes } បៃ){ $log_key ->
    [yes] {" "}និងកូនសោចុះហត្ថលេខានៃកំណត់ហេតុ
   *[no] {""}
}។
cli-backup-sealed = វាត្រូវបានបិទភ្ជាប់ដោយកូនសោទិន្នន័យនៃប្រព័ន្ធនេះ៖ វាបើកបានដោយឯកសារកូនសោនៃប្រព័ន្ធ ឬដោយចំណែកសង្គ្រោះ ហើយមិនអាចបើកដោយអ្វីផ្សេងទៀតបានទេ។ សូមរក្សាទុកវានៅកន្លែងដែលមិនមែនជាកន្លែងនៃមូលដ្ឋានទិន្នន័យ។
cli-backup-clear = សូមរក្សាទុកវានៅកន្លែងដែលមិនមែនជាកន្លែងនៃមូលដ្ឋានទិន្នន័យ៖ ប្រព័ន្ធនេះគ្មានកូនសោទេ (`accord keys init`) ដូច្នេះការបម្រុងទុកមានទិន្នន័យទាំងអស់ដោយមិនបានអ៊ិនគ្រីប។
cli-restored = បានស្ដារ { $backup } (ថតនៅ { $taken }) ចូលទៅក្នុង { $db }៖ ឯកសារភស្តុតាង { $shown_files }{ $log_key ->
    [yes] {" "}និងកូនសោចុះហត្ថលេខានៃកំណត់ហេតុ
   *[no] {""}
}។
cli-restore-verified = accord verify៖ អ្វីៗទាំងអស់ត្រឹមត្រូវ។
cli-restore-problems = accord verify បានរកឃើញបញ្ហា { $shown }៖
## accord copy
cli-copy-evidence-progress = ភស្តុតាង៖ { $done } ក្នុងចំណោម { $of }
cli-copy-table-progress = { $table }៖ { $shown } ជួរ
cli-copied = បានចម្លង { $from } ទៅ { $to }៖ { $rows } ជួរ ក្នុងតារាង { $tables } ឯកសារភស្តុតាង { $shown_files } ({ $bytes } បៃ មាន { $present } រួចហើយ)។
cli-copied-key-file = ឯកសារកូនសោត្រូវបានចម្លងទៅក្បែរគោលដៅ៖ { $file }
cli-copy-point-servers = សូមកំណត់ម៉ាស៊ីនមេនៃគោលដៅឱ្យប្រើឯកសារដដែល៖ log_key = { $log_key }, key_file = { $key_file } (ប្រសិនបើប្រព័ន្ធមានកូនសោ){ $store }។
cli-copy-check = សូមពិនិត្យវា៖ accord --db { $to } verify; accord --db { $to } log checkpoint បង្ហាញទំហំមែកធាង និងឫសដូចគ្នានឹងប្រភព។
## accord import DIR
cli-import-reading = កំពុងអាន និងគណនាហាសនៃឯកសារ
cli-import-checking = កំពុងពិនិត្យបណ្តុំឯកសារ
cli-import-writing = កំពុងសរសេរចូលមូលដ្ឋានទិន្នន័យ
cli-import-refused = កំហុស៖ { $file } ត្រូវបានបដិសេធ៖ បញ្ហា { $shown }; គ្មានអ្វីត្រូវបាននាំចូលទេ
cli-import-imported = បាននាំចូលសំណុំរឿង { $case }៖ កំណត់ត្រា { $records } និងឯកសារភស្តុតាង { $blobs } ពីឯកសារ { $files } ក្នុងរយៈពេល { $secs } វិនាទី ចូលទៅក្នុង { $db }
cli-import-replaced = បានជំនួសសំណុំរឿង { $case }៖ កំណត់ត្រា { $records } និងឯកសារភស្តុតាង { $blobs } ពីឯកសារ { $files } ក្នុងរយៈពេល { $secs } វិនាទី ចូលទៅក្នុង { $db }
cli-import-exists = សំណុំរឿង { $case } មានរួចហើយ (ប្រើ --replace ដើម្បីជំនួសវា); គ្មានអ្វីត្រូវបាននាំចូលទេ
## accord import FILE --format ...
cli-table-needs-mapping = តារាងទិន្នន័យត្រូវការការផ្គូផ្គង (--mapping ឯកសារ) ដែលប្រាប់ថាជួរឈរណាជាវាលណា។ ការផ្គូផ្គងខាងក្រោមត្រូវបានទាយពីក្បាលតារាងនៃ { $file } សូមពិនិត្យ ហើយរក្សាទុកវា៖
cli-table-problem = { $file }៖ ជួរទី { $row } ជួរឈរ { $column }៖ { $message } (តម្លៃ { $value })
cli-table-eta = នៅសល់ប្រហែល {"{"}eta{"}"}
cli-table-incidents = ហេតុការណ៍ { $shown }
cli-table-actors = តួអង្គ { $shown }
cli-table-sources = ប្រភព { $shown }
cli-table-instruments = លិខិតុបករណ៍ { $shown }
cli-table-nothing = គ្មានអ្វីទេ
cli-table-rate = , { $rate } ជួរ/វិនាទី
cli-table-what = បានបង្កើត៖ { $created }; បានធ្វើបច្ចុប្បន្នភាព៖ { $updated }; មិនផ្លាស់ប្តូរ៖ { $unchanged }
cli-table-refused = កំហុស៖ { $file } ត្រូវបានបដិសេធ៖ បញ្ហា { $shown } ក្នុង { $shown_bad } ជួរ នៃ { $rows } ជួរ; គ្មានអ្វីត្រូវបាននាំចូលទេ (សូមកែវា ឬប្រើ --skip-bad ឯកសារចេញ ដើម្បីនាំចូលជួរល្អ ហើយទុកជួរខុសដោយឡែក)
cli-table-set-aside = ; ជួរខុស { $bad } ត្រូវបានទុកដោយឡែកក្នុង { $out }
cli-table-dry-run = ការសាកល្បងនៃ { $file } ចូលសំណុំរឿង { $case } នឹង៖ { $what }{ $skipped } ({ $rows } ជួរ ក្នុងរយៈពេល { $secs } វិនាទី); គ្មានអ្វីត្រូវបានសរសេរទេ
cli-table-imported = បាននាំចូល { $file } ចូលសំណុំរឿង { $case }៖ { $what }{ $skipped } ({ $rows } ជួរ ក្នុងរយៈពេល { $secs } វិនាទី{ $rate })
## accord export
cli-export-public = អ្នកអានក្រៅសំណុំរឿង
cli-export-member = សមាជិក { $email }
cli-export-omitted = សម្រាប់{ $who }៖ កំណត់ត្រា { $n } ត្រូវបានទុកចោល ដែលមានរាយតាមលេខសម្គាល់ក្នុង OMITTED.md
cli-exported = បាននាំចេញសំណុំរឿង { $case } ទៅ { $path } (ឯកសារ { $files } ក្នុងនោះ { $evidence } ជាភស្តុតាង)
cli-exported-table = បាននាំចេញសំណុំរឿង { $case }៖ ហេតុការណ៍ { $incidents } ការរកឃើញ { $findings } ប្រភព { $sources } ទៅ { $files }
## accord translation
cli-translation-none-pending = អ្វីៗទាំងអស់ក្នុង { $case } ត្រូវបានបកប្រែជាភាសា { $lang } រួចហើយ។
cli-translated = បានបកប្រែ { $kind } { $id } ជាភាសា { $lang }។
## accord user
cli-user-created = បានបង្កើតគណនី { $email } ({ $id })
cli-user-created-admin = បានបង្កើតគណនីអ្នកគ្រប់គ្រង { $email } ({ $id })
cli-user-disabled = បានបិទ { $email }៖ វាមិនអាចចូលបានទេ វគ្គរបស់វាបានបញ្ចប់ ហើយថូខឹនរបស់វាត្រូវបានបដិសេធ
cli-user-enabled = បានបើក { $email } វិញ
cli-user-deleted = បានលុប { $email } រួមទាំងវគ្គ ថូខឹន និងតួនាទីក្នុងសំណុំរឿង
cli-user-password = ពាក្យសម្ងាត់ថ្មីសម្រាប់ { $email }; វគ្គ { $ended } បានបញ្ចប់
cli-token-none = { $email } គ្មានថូខឹន API ទេ
cli-token-never-expires = មិនផុតកំណត់
cli-token-expired = បានផុតកំណត់ { $at }
cli-token-expires = ផុតកំណត់ { $at }
cli-token-read-only = សម្រាប់តែអាន
cli-token-read-write = អាន និងសរសេរ
cli-token-created = បានបង្កើត { $at }
cli-token-never-used = មិនដែលប្រើ
cli-token-last-used = ប្រើចុងក្រោយ { $at }
cli-token-revoked = បានដកហូតថូខឹន { $name } របស់ { $email }
## accord log, accord serve
cli-log-cosigned = បានចុះហត្ថលេខារួមជា { $key } (សូមផ្សព្វផ្សាយកូនសោផ្ទៀងផ្ទាត់នេះ ដើម្បីឱ្យអ្នកដទៃអាចពិនិត្យហត្ថលេខារួមបាន)
cli-serving = Accord កំពុងបម្រើ { $db } នៅ http://{ $addr }/
cli-serving-demo = សំណុំរឿងយោងត្រូវបានផ្សព្វផ្សាយសម្រាប់តែអាននៅ http://{ $addr }/cases/cambodia-2017 ។ ដើម្បីកែសម្រួល សូមបង្កើតគណនី៖ accord --db { $db } user add អ៊ីមែល --admin --password-stdin
cli-demo-loaded = បានផ្ទុកសំណុំរឿងយោង { $case } (ផ្សព្វផ្សាយសម្រាប់តែអាន)
## accord evidence
cli-custody-recorded = បានកត់ត្រា{ $action } { $id } ដោយ { $by }
cli-evidence-checked = { $id }៖ បៃដែលបានរក្សាទុកត្រូវនឹងកំណត់ត្រា (sha256 { $sha256 }, { $bytes } បៃ); បានកត់ត្រាថាបានផ្ទៀងផ្ទាត់
cli-evidence-added = បានបន្ថែមភស្តុតាង { $id } ទៅសំណុំរឿង { $case }៖ sha256 { $sha256 }, { $bytes } បៃ, { $media_type }
cli-evidence-wrote = បានសរសេរ { $file } ({ $bytes } បៃ, sha256 { $sha256 })
cli-evidence-none = គ្មានឯកសារភស្តុតាងទេ
cli-evidence-none-for = គ្មានឯកសារភស្តុតាងសម្រាប់ហេតុការណ៍ { $incident } ទេ
cli-col-id = លេខសម្គាល់
cli-col-bytes = បៃ
cli-col-media-type = ប្រភេទឯកសារ
cli-col-incident = ហេតុការណ៍
cli-col-file = ឯកសារ
cli-ev-file = ឯកសារ
cli-ev-sha256 = sha256
cli-ev-size = ទំហំ
cli-ev-bytes = { $bytes } បៃ
cli-ev-media-type = ប្រភេទឯកសារ
cli-ev-incident = ហេតុការណ៍
cli-ev-source = ប្រភព
cli-ev-note = កំណត់ចំណាំ
cli-ev-derived-from = ចម្លងពី
cli-ev-captured-at = ប្រមូលនៅ
cli-ev-captured-by = ប្រមូលដោយ
cli-ev-source-url = អាសយដ្ឋានដើម
cli-ev-method = របៀប
cli-ev-tool = ឧបករណ៍
cli-ev-place = ទីកន្លែង
cli-ev-capture = ការប្រមូល
cli-ev-no-capture = (គ្មានកំណត់ត្រានៃការប្រមូល)
cli-ev-custody = ខ្សែសង្វាក់នៃការរក្សា
cli-ev-by = ដោយ { $by }
cli-evidence-package = បានសរសេរកញ្ចប់ភស្តុតាង { $file }៖ ឯកសារ { $files } ធាតុកំណត់ហេតុ { $entries }; ពិនិត្យវាដោយ `accord verify --package { $file }` (README.md របស់វាប្រាប់ពីរបៀបពិនិត្យវាដោយគ្មាន Accord)
## accord follow-through (deliver, respond, deadline, follow-up, list, awaiting)
cli-ft-recorded = បានកត់ត្រា { $id } ({ $kind }) សម្រាប់លិខិត { $letter } ក្នុង { $case }
cli-ft-kind-delivery = ការប្រគល់
cli-ft-kind-response = ការឆ្លើយតប
cli-ft-kind-deadline = ថ្ងៃផុតកំណត់
cli-ft-kind-follow_up = ការតាមដាន
cli-ft-none = គ្មានការប្រគល់ ការឆ្លើយតប ថ្ងៃផុតកំណត់ ឬការតាមដានណាមួយត្រូវបានកត់ត្រាក្នុង { $case } ទេ
cli-ft-none-late = គ្មានលិខិតណាមួយនៃ { $case } កំពុងរង់ចាំការឆ្លើយតបហួសថ្ងៃផុតកំណត់ទេ (គិតត្រឹម{ $today })
cli-ft-every-addressee = អ្នកទទួលគ្រប់រូប
cli-ft-late = { $letter }៖ ថ្ងៃផុតកំណត់{ $date } ({ $shown_days } ថ្ងៃមុន) សម្រាប់ { $who }៖ { $asked }
cli-ft-delivery = { $letter }  { $date }  បានប្រគល់ជូន { $to } ({ $method })  [{ $id }]
cli-ft-response = { $letter }  { $date }  ការឆ្លើយតបពី { $from }៖ { $action } — { $summary }  [{ $id }]
cli-ft-deadline = { $letter }  { $date }  ថ្ងៃផុតកំណត់សម្រាប់ { $who }៖ { $asked }  [{ $id }]
cli-ft-follow-up = { $letter }  តាមដាន { $cites }  [{ $id }]
## accord observation
cli-obs-recorded = បានកត់ត្រា { $id } ក្នុង { $case } ជាសេចក្តីព្រាង៖ { $provision } { $date } ទទួលបានពិន្ទុ { $score } ({ $label })
cli-obs-reviewed = { $case }៖ { $id } { $status }
cli-obs-none = គ្មានការសង្កេតក្នុង { $case } ទេ
cli-col-date = កាលបរិច្ឆេទ
cli-col-score = ពិន្ទុ
cli-col-coded-by = វាយតម្លៃដោយ
cli-obs-row-column-problem = { $file }៖ ជួរទី { $row } ជួរឈរ { $column }៖ { $message }
cli-obs-row-problem = { $file }៖ ជួរទី { $row }៖ { $message }
cli-obs-dry-row = ជួរទី { $row }៖ { $id } { $provision } { $date } ទទួលបានពិន្ទុ { $score } ({ $label })
cli-obs-dry-run = { $file }៖ បានពិនិត្យ { $shown } ជួរ; គ្មានអ្វីត្រូវបានសរសេរទេ (--dry-run)
cli-obs-imported = បានកត់ត្រាការសង្កេត { $shown } ក្នុង { $case } ជាសេចក្តីព្រាង (ពិនិត្យវាដោយ `accord observation review`)
## accord letter
cli-letter-none = សំណុំរឿង { $case } គ្មានលិខិតទេ
cli-col-letter = លិខិត
cli-col-lang = ភាសា
cli-col-signatories = អ្នកចុះហត្ថលេខា
cli-letter-error = កំហុស៖ { $error }
cli-letter-version-created = { $letter }៖ បានបង្កើតកំណែភាសា { $lang }; SHA-256 នៃអត្ថបទដែលបានចុះហត្ថលេខារបស់វាគឺ { $sha256 }
cli-letter-version-updated = { $letter }៖ បានធ្វើបច្ចុប្បន្នភាពកំណែភាសា { $lang }; SHA-256 នៃអត្ថបទដែលបានចុះហត្ថលេខារបស់វាគឺ { $sha256 }
cli-letter-wrote = បានសរសេរលិខិត { $letter } ជា { $format } ទៅ { $path } ({ $bytes } បៃ)៖ បោះពុម្ពអ្នកចុះហត្ថលេខា { $printed } មិនបោះពុម្ព { $pending } (មិនទាន់ផ្ទៀងផ្ទាត់ បានបដិសេធ បានដកខ្លួន ឬបានចុះហត្ថលេខាលើកំណែមុន); SHA-256 នៃអត្ថបទដែលបានចុះហត្ថលេខា { $sha256 }
## accord keys
cli-keys-made = បានបង្កើតកូនសោសម្រាប់ { $db }។ កូនសោនៃប្រព័ន្ធគឺ { $file } (អានបានតែដោយម្ចាស់របស់វា)៖ Accord អានវារាល់ពេលដែលវាបើកភស្តុតាង។ សូមរក្សាវាឱ្យនៅក្រៅថាសដែលផ្ទុកមូលដ្ឋានទិន្នន័យ និងភស្តុតាង។
cli-keys-recovery-key = កូនសោសង្គ្រោះ បង្ហាញតែម្តងនេះ ហើយមិនត្រូវបានរក្សាទុកនៅកន្លែងណាទេ៖ វាបង្កើតកូនសោនៃប្រព័ន្ធឡើងវិញ ប្រសិនបើឯកសារបាត់ (`accord keys recover --share កូនសោ`)៖
cli-keys-recovery-shares = ចំណែកសង្គ្រោះ បង្ហាញតែម្តងនេះ ហើយមិនត្រូវបានរក្សាទុកនៅកន្លែងណាទេ៖ ចំណែក { $threshold } ណាមួយក្នុងចំណោម { $shares } នេះ បង្កើតកូនសោនៃប្រព័ន្ធឡើងវិញ ប្រសិនបើឯកសារបាត់ (`accord keys recover --share S --share S …`)។ សូមប្រគល់ចំណែកនីមួយៗឱ្យមនុស្សផ្សេងគ្នា។
cli-keys-sealed-before = បានបិទភ្ជាប់អត្ថបទនៃជួរ និងកំណែកំណត់ត្រាដែលមានការរឹតបន្តឹងចំនួន { $records } ដែលបានរក្សាទុកពីមុន។
cli-keys-encrypted-before = បានអ៊ិនគ្រីបឯកសារភស្តុតាង { $files } ដែលបានរក្សាទុកពីមុន ({ $bytes } បៃ)។ ឯកសារមិនអ៊ិនគ្រីបរបស់វាត្រូវបានលុប។ បៃដែលបានលុបអាចនៅលើថាសរហូតដល់វាត្រូវបានសរសេរជាន់ពីលើ។
cli-keys-same-disk = ការព្រមាន៖ ឯកសារកូនសោ { $file } នៅលើថាសដូចគ្នានឹងមូលដ្ឋានទិន្នន័យ៖ អ្នកណាយកថាស ក៏យកកូនសោទៅជាមួយដែរ។ សូមផ្លាស់ទីវា (ទៅឧបករណ៍ផ្ទុកចល័ត ឬថាសដែលមិនត្រូវបានបម្រុងទុកជាមួយទិន្នន័យ) ហើយកំណត់ key_file, --key-file ឬ ACCORD_KEY_FILE។
cli-keys-not-encrypted = កំហុស៖ ឯកសារភស្តុតាង { $sha256 } មិនត្រូវបានអ៊ិនគ្រីបទេ៖ { $why }
cli-keys-made-partly = កូនសោត្រូវបានបង្កើតហើយ។ សូមដំណើរការ `accord keys encrypt-existing` ដើម្បីអ៊ិនគ្រីបអ្វីដែលនៅសល់។
cli-keys-recovered-shares = កូនសោនៃប្រព័ន្ធត្រូវបានបង្កើតឡើងវិញក្នុង { $file }៖ កូនសោទិន្នន័យត្រូវបានរុំជាមួយវា ហើយភស្តុតាងបើកបានម្តងទៀត។ ចំណែកសង្គ្រោះនៅតែមានសុពលភាព។
cli-keys-recovered-key = កូនសោនៃប្រព័ន្ធត្រូវបានបង្កើតឡើងវិញក្នុង { $file }៖ កូនសោទិន្នន័យត្រូវបានរុំជាមួយវា ហើយភស្តុតាងបើកបានម្តងទៀត។ កូនសោសង្គ្រោះនៅតែមានសុពលភាព។
cli-keys-rotated = { $file } មានកូនសោថ្មីនៃប្រព័ន្ធ៖ កូនសោទិន្នន័យត្រូវបានរុំជាមួយវា ហើយកូនសោចាស់លែងបើកវាបានទៀតហើយ។ គ្មានឯកសារភស្តុតាងណាត្រូវបានសរសេរឡើងវិញទេ ហើយ `accord serve` ដែលកំពុងដំណើរការ នៅតែដំណើរការ។ ច្បាប់ចម្លងនៃកូនសោចាស់ រួមជាមួយច្បាប់ចម្លងនៃមូលដ្ឋានទិន្នន័យដែលបានធ្វើមុនពេលនេះ នៅតែបើកវាបាន៖ ការប្តូរកូនសោការពារអ្វីដែលត្រូវបានចម្លងចាប់ពីពេលនេះតទៅ។
cli-keys-none = { $db }៖ គ្មានកូនសោទេ។ ភស្តុតាងត្រូវបានរក្សាទុកដោយមិនអ៊ិនគ្រីប (`accord keys init` បង្កើតកូនសោ)
cli-keys-status-made = { $db }៖ កូនសោបានបង្កើតនៅ { $at }
cli-keys-status-replaced = , កូនសោនៃប្រព័ន្ធត្រូវបានជំនួសចុងក្រោយនៅ { $at }
cli-keys-file-opens = ឯកសារកូនសោ៖ { $file } បើកកូនសោបាន
cli-keys-file-wrong = ឯកសារកូនសោ៖ { $file } មិនមែនជាកូនសោនៃប្រព័ន្ធនេះទេ
cli-keys-file-missing = ឯកសារកូនសោ៖ { $file } បាត់ (`accord keys recover` បង្កើតវាឡើងវិញ)
cli-keys-file-unreadable = ឯកសារកូនសោ៖ { $file } មិនអាចអានបានទេ
cli-keys-status-shares = ការសង្គ្រោះ៖ ចំណែក { $threshold } ណាមួយក្នុងចំណោម { $shares }
cli-keys-status-key = ការសង្គ្រោះ៖ កូនសោសង្គ្រោះ ដែលបានបង្ហាញទាំងមូលនៅពេលបង្កើតកូនសោ
cli-keys-status-data-keys = កូនសោទិន្នន័យ៖ { $n }
cli-keys-status-evidence = ឯកសារភស្តុតាង៖ បានអ៊ិនគ្រីប { $encrypted } មិនបានអ៊ិនគ្រីប { $unencrypted }
cli-keys-sealed = បានបិទភ្ជាប់ជួរ និងកំណែកំណត់ត្រាដែលមានការរឹតបន្តឹងចំនួន { $records }។ បានអ៊ិនគ្រីបឯកសារភស្តុតាង { $files } ({ $bytes } បៃ); { $left } នៅមិនទាន់អ៊ិនគ្រីប។
## accord elections
cli-el-allocation = { $name } - { $method } អាសនៈ { $seats } ក្នុងមណ្ឌលបោះឆ្នោត { $constituencies }
cli-el-party = គណបក្ស
cli-el-votes = សំឡេងឆ្នោត
cli-el-votes-pct = សំឡេង %
cli-el-seats = អាសនៈ
cli-el-seats-pct = អាសនៈ %
cli-el-seats-votes = អាសនៈ-សំឡេង
cli-el-indices = Gallagher { $gallagher }  Loosemore-Hanby { $lh }  Sainte-Laguë { $sl }  ចំនួនគណបក្សប្រសិទ្ធភាព (សំឡេង) { $enp_votes }  (អាសនៈ) { $enp_seats }
cli-el-below-national = ក្រោមកម្រិតអប្បបរមាជាតិ៖ { $parties }
cli-el-constituencies = មណ្ឌលបោះឆ្នោត៖
cli-el-below-threshold = ក្រោមកម្រិតអប្បបរមា៖ { $parties }
cli-el-tie = ស្មើគ្នាក្នុង { $constituency } ចាប់ពីអាសនៈទី { $seat } រវាង { $tied } កាត់សេចក្តីដោយ { $rule }៖ { $winners }
cli-el-note = កំណត់ចំណាំ៖ { $note }
cli-el-recorded-identical = អាសនៈផ្លូវការដែលបានកត់ត្រា៖ ដូចគ្នានៅគ្រប់មណ្ឌលបោះឆ្នោត
cli-el-recorded-differ = អាសនៈផ្លូវការដែលបានកត់ត្រាខុសគ្នានៅ { $n } កន្លែង៖
cli-el-recorded-difference = { $constituency }៖ { $party } គណនាបាន { $computed } កត់ត្រា { $recorded }
cli-el-scenario = { $name }៖ { $party } ត្រូវបានរំលាយ វិធាន { $rule }{ $scope } ពីអាសនៈ { $basis }
cli-el-before = មុន
cli-el-after = ក្រោយ
cli-el-change = ការប្រែប្រួល
cli-el-seats-votes-before = អាសនៈ-សំឡេង មុន
cli-el-none = គ្មាន
cli-el-step = ជំហាន៖ { $step }៖ { $seats }
cli-el-simulation = { $name } - { $method } ដំណើរការ { $runs } ដង គ្រាប់ពូជ { $seed } ការប្រែប្រួលចៃដន្យ { $noise }; សំឡេងភាគច្រើន = { $majority } ក្នុងចំណោមអាសនៈ { $seats }
cli-el-mean-seats = អាសនៈមធ្យម
cli-el-p5 = p5
cli-el-p50 = p50
cli-el-p95 = p95
cli-el-p-majority = P(ភាគច្រើន)
cli-el-p-seat = P(អាសនៈ)
cli-el-lots = ដំណើរការ { $n } ដងមានការស្មើគ្នាសម្រាប់អាសនៈមួយ ដែលកាត់សេចក្តីដោយការចាប់ឆ្នោត
cli-el-apportionment = { $name } - { $method } អាសនៈ { $seats } យ៉ាងហោចណាស់ { $min } ក្នុងមួយ
cli-el-unit = អង្គភាព
cli-el-population = ប្រជាជន
## errors the binary prints
cli-no-case = គ្មានសំណុំរឿង { $case } ក្នុង { $db } ទេ
cli-error = កំហុស៖ { $error }
## A table import's row problems (L4), said by kind; the English is the importers' own words
refusal-import-acled-column = ឯកសារនាំចេញពី ACLED មានជួរឈរនេះ។ តើនេះជាឯកសារ ACLED (--format acled) មែនទេ?
refusal-import-pax-column = ឯកសារកិច្ចព្រមព្រៀង PA-X មានជួរឈរនេះ។ តើនេះជាឯកសារ CSV របស់ PA-X (--format pax) មែនទេ?
refusal-import-pax-agtid = AgtId គឺជាលេខកិច្ចព្រមព្រៀងរបស់ PA-X
refusal-import-agreement-name = កិច្ចព្រមព្រៀងនីមួយៗត្រូវមានឈ្មោះ
refusal-import-pax-code = លេខកូដបទប្បញ្ញត្តិ PA-X គឺ 0, 1, 2 ឬ 3 (បើមិនដូច្នោះទេ ជួរឈរនេះមិនមែនជាជួរឈររបស់ PA-X ទេ)
refusal-import-title = កំណត់ត្រានីមួយៗត្រូវការចំណងជើង
refusal-import-id-empty = ជួរឈរលេខសម្គាល់ទទេ៖ ជួរនីមួយៗត្រូវការលេខសម្គាល់របស់វា ដើម្បីឱ្យការនាំចូលលើកទីពីររកវាឃើញ
refusal-import-geolocation = ទីតាំងភូមិសាស្ត្រសរសេរជា lat|lon ឧ. 11.5564|104.9282
refusal-import-url = មិនមែនជាអាសយដ្ឋានគេហទំព័រដែល Accord អាចភ្ជាប់តំណបានទេ
refusal-import-event-id = មិនមែនជាលេខសម្គាល់ព្រឹត្តិការណ៍ទេ៖ អក្សរ លេខ '.' '_' ឬ '-' យ៉ាងច្រើន ១០០
refusal-import-utf8 = ជួរនេះមិនមែនជាអត្ថបទ UTF-8 ទេ៖ សូមរក្សាទុកឯកសារជា UTF-8
refusal-import-duplicate = ជួរទី { $row } មានលេខសម្គាល់នេះរួចហើយ៖ ជួរនីមួយៗគឺជាកំណត់ត្រាមួយ
refusal-import-mapping-column = ការផ្គូផ្គងភ្ជាប់ { $field } ទៅជួរឈរនេះ ដែលឯកសារមិនមាន
refusal-import-mapping-required = ការផ្គូផ្គងត្រូវប្រាប់ថាជួរឈរណាជា { $field } ({ $example })
refusal-import-kind = មិនមែនជាប្រភេទហេតុការណ៍ទេ៖ សូមប្រាប់ថាវាជាអ្វីនៅក្នុង [kinds] នៃការផ្គូផ្គង ({ $example })។ ប្រភេទគឺ { $kinds }
refusal-import-unreadable = មិនអាចអានជួរនេះបានទេ៖ { $detail }
refusal-import-not-date = មិនមែនជាកាលបរិច្ឆេទទេ
refusal-import-date-day-month = មិនមែនជាកាលបរិច្ឆេទទេ៖ រំពឹងទុកឧទាហរណ៍ 23 Oct 2017
refusal-import-date-month-day = មិនមែនជាកាលបរិច្ឆេទទេ៖ រំពឹងទុកឧទាហរណ៍ Oct 23, 2017
refusal-import-date-month = មិនមែនជាកាលបរិច្ឆេទទេ៖ រំពឹងទុកឧទាហរណ៍ Oct 2017
refusal-import-date-year = មិនមែនជាកាលបរិច្ឆេទទេ៖ កាលបរិច្ឆេទជាលេខត្រូវការឆ្នាំបួនខ្ទង់
refusal-import-date-ymd = មិនមែនជាកាលបរិច្ឆេទតាមលំដាប់ ឆ្នាំ ខែ ថ្ងៃ ទេ ({ $setting })
refusal-import-date-order = ថ្ងៃ និងខែសុទ្ធតែជាលេខ៖ សូមប្រាប់ថាមួយណាមកមុន ដោយ { $dmy } ឬ { $mdy } ក្នុងការផ្គូផ្គង
refusal-import-unix-time = មិនមែនជាពេលវេលា Unix ទេ
refusal-import-unix-range = ពេលវេលា Unix ហួសដែនកំណត់
refusal-import-no-day = ថ្ងៃ { $day } មិនមានទេ
refusal-import-date-any = មិនមែនជាកាលបរិច្ឆេទទេ៖ រំពឹងទុក 2017-10-23, 2017-10, 2017, 23 Oct 2017 ឬកាលបរិច្ឆេទជាលេខតាមលំដាប់ date_order នៃការផ្គូផ្គង
## The OpenAPI document's operation summaries (L4), by operation id; their English is the code's
api-op-list-cases = សំណុំរឿងដែលអ្នកហៅអាចមើលបាន៖ សំណុំរឿងរបស់ខ្លួន សំណុំរឿងទាំងអស់សម្រាប់អ្នកគ្រប់គ្រង និងសំណុំរឿងដែលបានផ្សព្វផ្សាយ។
api-op-get-case = សំណុំរឿងមួយ។
api-op-list-actors = តួអង្គនៃសំណុំរឿងមួយ តាមលំដាប់នៃបណ្តុំឯកសារ។
api-op-get-actor = តួអង្គមួយ។
api-op-list-awaiting = លិខិតដែលកំពុងរង់ចាំការឆ្លើយតបហួសថ្ងៃផុតកំណត់ លិខិតដែលយឺតជាងគេមុន (`?as_of=YYYY-MM-DD`៖ គិតនៅថ្ងៃនោះ តាមកំណត់ត្រានៃពេលនោះ)។
api-op-get-evidence = កំណត់ត្រានៃធាតុភស្តុតាងមួយ៖ ហាស កំណត់ត្រានៃការប្រមូល ខ្សែសង្វាក់នៃការរក្សា។
api-op-add-custody-event = កត់ត្រាអ្វីដែលបានធ្វើជាមួយធាតុមួយ (អ្នកកែសម្រួល និងម្ចាស់)៖ បានមើល បានចម្លង បាននាំចេញ ឬបានប្រគល់ទៅអង្គការផ្សេង។
api-op-download-evidence = បៃពិតប្រាកដនៃធាតុនេះ (កត់ត្រាជា `downloaded` ក្នុងខ្សែសង្វាក់នៃការរក្សារបស់វា)។ រូបភាពរ៉ាស្ទ័ររក្សាប្រភេទរបស់វា អ្វីផ្សេងទៀតត្រូវបានផ្ញើជា `application/octet-stream` ជាឯកសារភ្ជាប់។
api-op-list-findings = ការរកឃើញនៃសំណុំរឿងមួយ តាមលំដាប់ដែលបានកត់ត្រា។
api-op-create-finding = បន្ថែមការរកឃើញជាសេចក្តីព្រាង (អ្នកកែសម្រួល និងម្ចាស់)។
api-op-get-finding = ការរកឃើញមួយ។
api-op-finding-history = កំណែនីមួយៗនៃការរកឃើញមួយ ចាស់ជាងគេមុន (រួមទាំងការសម្រេចនៃការពិនិត្យរបស់វា)។
api-op-set-finding-status = បញ្ជាក់ ដកវិញ ឬប្រគល់ការរកឃើញមួយទៅជាសេចក្តីព្រាងវិញ (អ្នកពិនិត្យ និងម្ចាស់)។
api-op-list-incidents = កាលប្បវត្តិនៃសំណុំរឿងមួយ៖ ថ្មីជាងគេមុន ត្រង ស្វែងរក ជាទំព័រ។
api-op-create-incident = កត់ត្រាហេតុការណ៍មួយ (អ្នកកែសម្រួល និងម្ចាស់)។
api-op-get-incident = ហេតុការណ៍មួយ។
api-op-update-incident = ជំនួសវាលនៃហេតុការណ៍មួយ (អ្នកកែសម្រួល និងម្ចាស់)។ ភស្តុតាងរបស់វាត្រូវបានរក្សាទុក។
api-op-upload-evidence = ផ្ទុកឡើងឯកសារដែលចងក្រងហេតុការណ៍មួយ (អ្នកកែសម្រួល និងម្ចាស់)។ តួសំណើគឺជាបៃនៃឯកសារ ដែលផ្ញើជាស្ទ្រីម៖ វាត្រូវបានគណនាហាស និងរក្សាទុកនៅពេលវាមកដល់ មិនដែលរក្សាទុកទាំងមូលនៅក្នុងអង្គចងចាំទេ។
api-op-incident-history = កំណែនីមួយៗនៃហេតុការណ៍មួយ ចាស់ជាងគេមុន។
api-op-get-follow-through = ការប្រគល់ ការឆ្លើយតប ថ្ងៃផុតកំណត់ និងការតាមដាននៃលិខិតមួយ និងអ្វីដែលអ្នកទទួលនីមួយៗបានធ្វើ។
api-op-create-follow-through = កត់ត្រាការប្រគល់ ការឆ្លើយតប ថ្ងៃផុតកំណត់ ឬការតាមដាននៃលិខិតមួយ (អ្នកកែសម្រួល និងម្ចាស់)។
api-op-get-letter-versions = ភាសានៃលិខិតមួយ។
api-op-put-letter-version = បន្ថែម ឬផ្លាស់ប្តូរកំណែនៃលិខិតជាភាសា `lang` (ម្ចាស់)៖ អ្នកដែលបានបកប្រែ (អ្នកហៅ) និងថ្ងៃនេះ ត្រូវបានកត់ត្រាជាមួយច្បាប់ដើមដែលវាត្រូវបានបកប្រែពី។ កត់ត្រាជាការកែសម្រួលលិខិត។
api-op-delete-letter-version = លុបកំណែនៃលិខិតជាភាសា `lang` (ម្ចាស់)៖ លិខិតត្រូវបានរក្សាទុកដោយគ្មានកំណែនោះ កត់ត្រាជាការកែសម្រួលលិខិត (ប្រវត្តិរបស់វារក្សាពាក្យពេចន៍ដែលបានលុប)។ ត្រូវបានបដិសេធ ដរាបណាអង្គការដែលមិនបានដកខ្លួន បានចុះហត្ថលេខាលើភាសានោះ។
api-op-list-observations = ការសង្កេតនៃសំណុំរឿងមួយ តាមលំដាប់ដែលបានកត់ត្រា។
api-op-create-observation = កត់ត្រាការសង្កេតមួយជាសេចក្តីព្រាង (អ្នកកែសម្រួល និងម្ចាស់)។
api-op-get-observation = ការសង្កេតមួយ។
api-op-set-observation-status = បញ្ជាក់ ដកវិញ ឬប្រគល់ការសង្កេតមួយទៅជាសេចក្តីព្រាងវិញ (អ្នកពិនិត្យ និងម្ចាស់)។ គ្មាននរណាបញ្ជាក់ការសង្កេតដែលខ្លួនបានវាយតម្លៃ ឬកត់ត្រានោះទេ លុះត្រាតែម្ចាស់សំណុំរឿងអនុញ្ញាតឱ្យពិនិត្យដោយខ្លួនឯង។
api-op-list-provisions = បទប្បញ្ញត្តិនីមួយៗនៃលិខិតុបករណ៍របស់សំណុំរឿង តាមលំដាប់លិខិតុបករណ៍។
api-op-get-provision = បទប្បញ្ញត្តិមួយ តាមឯកសារយោងរបស់វា (អ៊ិនកូដសម្រាប់ URL៖ `FPA%20Art.%203(1)`)។
api-op-list-sources = ប្រភពនៃសំណុំរឿងមួយ តាមលំដាប់ដែលបានកត់ត្រា។
api-op-create-source = បន្ថែមប្រភពមួយ (អ្នកកែសម្រួល និងម្ចាស់)។
api-op-get-source = ប្រភពមួយ។
api-op-source-history = កំណែនីមួយៗនៃប្រភពមួយ ចាស់ជាងគេមុន។
api-op-get-case-status = យន្តការណាខ្លះត្រូវបានដាក់ឱ្យដំណើរការ ចាប់តាំងពីពេលណា និងដោយការរកឃើញណាខ្លះ និងស្ថានភាពនៃបទប្បញ្ញត្តិនីមួយៗ៖ កិច្ចសន្យានៃស្ថានភាពសំណុំរឿង គឺ JSON ដូចគ្នានឹង `accord case status CASE --json`។ ជាមួយ `as_of` ស្ថានភាពដូចដែលវាមាននៅថ្ងៃនោះ (ពេលនោះ JSON មាន `as_of`)។
api-op-list-translations = ភាសានៃកំណត់ត្រានីមួយៗ ដូចដែលអ្នកហៅអាចមើលបាន។
api-op-translate-record = បន្ថែម ឬផ្លាស់ប្តូរការបកប្រែនៃកំណត់ត្រាមួយជាភាសាមួយ (អ្នកកែសម្រួល និងម្ចាស់)។
api-op-remove-translation = លុបការបកប្រែនៃកំណត់ត្រាមួយជាភាសាមួយ (អ្នកកែសម្រួល និងម្ចាស់)៖ កំណែថ្មីនៃភាសារបស់កំណត់ត្រា។ ប្រវត្តិរបស់វារក្សាអត្ថបទដែលបានលុប។
api-op-set-original-language = ប្រាប់ថាកំណត់ត្រាមួយត្រូវបានសរសេរជាភាសាអ្វី (អ្នកកែសម្រួល និងម្ចាស់) ឬជាមួយប្រភេទ `case` និងលេខសម្គាល់សំណុំរឿង ប្រាប់ថាកំណត់ត្រានៃសំណុំរឿងត្រូវបានសរសេរជាភាសាអ្វី (ម្ចាស់)។

## The OpenAPI document's other texts (L7): each parameter, response, schema and field description, by operation id or schema; their English is the code's
api-schema-Actor = អ្នកដែលធ្វើសកម្មភាព ឬរងសកម្មភាព៖ រដ្ឋ ក្រសួង មន្ត្រី គណបក្ស អង្គការមិនមែនរដ្ឋាភិបាល។
api-schema-Actor-id = មានតែមួយគត់ក្នុងសំណុំរឿង។
api-schema-Actor-kind = ប្រភេទ៖ `state`, `government_body`, `official`, `party`, `organisation`, ...
api-schema-Actor-members = សម្រាប់ក្រុម និងស្ថាប័ន៖ លេខសម្គាល់នៃតួអង្គដែលផ្សំជាក្រុម ឬស្ថាប័ននោះ។
api-schema-Actor-restricted-to = សម្រាប់តួអង្គដែលបានដាក់កម្រិត៖ សមាជិក (តាមអាសយដ្ឋានអ៊ីមែល) ដែលអាចមើលវាបាន ក្រៅពីម្ចាស់។
api-schema-Actor-sensitivity = អ្នកដែលអាចមើលតួអង្គ៖ `public`, `case` ឬ `restricted`។
api-schema-ActorRole = តួអង្គមួយ និងតួនាទីដែលខ្លួនបានដើរ។
api-schema-ActorRole-actor = លេខសម្គាល់តួអង្គ។
api-schema-ActorRole-role = តួនាទី៖ `perpetrator`, `target`, `victim`, `witness` ឬ `other`។
api-schema-AddresseeWording = របៀបសរសេរអ្នកទទួលមួយជាភាសាមួយ៖ អ្នកទទួលនោះនៅតែជាអ្នកទទួលនៃច្បាប់ដើម។
api-schema-AddresseeWording-role = អត្ថបទសេរី («សហប្រធាន»)។
api-schema-Awaiting = ថ្ងៃផុតកំណត់មួយដែលបានកន្លងផុតដោយគ្មានការឆ្លើយតប។
api-schema-Awaiting-addressee = អ្នកទទួលដែលវាចងកាតព្វកិច្ច (បើគ្មាន៖ អ្នកទទួលទាំងអស់)។
api-schema-Awaiting-date = កាលបរិច្ឆេទ `YYYY-MM-DD`។
api-schema-Awaiting-deadline = លេខសម្គាល់នៃកំណត់ត្រាថ្ងៃផុតកំណត់។
api-schema-CaptureRecord = របៀបដែលធាតុភស្តុតាងមួយត្រូវបានប្រមូល។
api-schema-Case = សំណុំរឿងមួយ និងអ្វីដែលអ្នកហៅអាចធ្វើនៅក្នុងនោះ។
api-schema-Case-findings = ការរកឃើញ៖ ទាំងអស់សម្រាប់សមាជិកនៃសំណុំរឿង តែការរកឃើញដែលបានបញ្ជាក់សម្រាប់អ្នកផ្សេង។
api-schema-Case-period = រយៈពេលដែលសំណុំរឿងគ្របដណ្តប់ (`2030-01..2030-06`)។
api-schema-Case-version = កើនឡើងរាល់ពេលមានការផ្លាស់ប្តូរសំណុំរឿង។
api-schema-CaseLanguages = ភាសានៃសំណុំរឿងមួយ៖ ភាសាដែលកំណត់ត្រារបស់វាត្រូវបានសរសេរ និងការបកប្រែនៃកំណត់ត្រានីមួយៗ។
api-schema-CaseLanguages-language = ស្លាក BCP 47 នៃភាសាដែលកំណត់ត្រារបស់សំណុំរឿងត្រូវបានសរសេរ (`en` នៅពេលសំណុំរឿងមិនបានបញ្ជាក់)។
api-schema-CaseLanguages-records = កំណត់ត្រាដែលមានការបកប្រែ ឬដែលត្រូវបានសរសេរជាភាសាផ្សេង តាមលំដាប់ដែលវាត្រូវបានបន្ថែម។
api-schema-CaseListItem = សំណុំរឿងមួយក្នុងបញ្ជី។
api-schema-CaseListItem-access = មូលហេតុដែលអ្នកហៅមើលឃើញសំណុំរឿង៖ តួនាទីរបស់គាត់ `administrator` ឬ `published`។
api-schema-CaseListItem-country = លេខកូដប្រទេស ISO 3166-1 alpha-2។
api-schema-CaseListItem-published = ថាតើសំណុំរឿងត្រូវបានបោះពុម្ពផ្សាយសម្រាប់គ្រប់គ្នា សម្រាប់តែអាន ឬទេ។
api-schema-CaseListItem-role = តួនាទីរបស់អ្នកហៅក្នុងសំណុំរឿង៖ `owner`, `editor`, `reviewer`, `viewer` ឬ null។
api-schema-CaseListItem-updated-at = ពេលដែលសំណុំរឿងបានផ្លាស់ប្តូរចុងក្រោយ (UTC)។
api-schema-CaseStatus = ស្ថានភាពនៃការដាក់ឱ្យដំណើរការរបស់សំណុំរឿងមួយ (docs/contracts.md)៖ `accord case status CASE --json` និង `GET /api/v1/cases/{"{"}id{"}"}/status`។
api-schema-CaseStatus-as-of = `YYYY-MM-DD`៖ មាននៅពេលស្ថានភាពត្រូវបានគណនាគិតត្រឹមថ្ងៃនោះ (`--as-of`, `?as_of=`) តាមហេតុការណ៍ដែលអាចបានកើតឡើងមុនពេលនោះ និងការរកឃើញលើហេតុការណ៍ទាំងនោះ។
api-schema-CaseStatus-case = លេខសម្គាល់សំណុំរឿង។
api-schema-CustodyEvent = ព្រឹត្តិការណ៍មួយក្នុងខ្សែសង្វាក់នៃការរក្សាធាតុភស្តុតាងមួយ។
api-schema-CustodyEvent-action = សកម្មភាព៖ `received`, `viewed`, `downloaded`, `copied`, `exported`, `handed_over`, `verified` ឬ `derived`។
api-schema-CustodyEvent-at = ពេលវេលា UTC, `YYYY-MM-DDTHH:MM:SSZ`។
api-schema-CustodyInput = ព្រឹត្តិការណ៍មួយដែលត្រូវបន្ថែមទៅខ្សែសង្វាក់នៃការរក្សាធាតុភស្តុតាងមួយ។
api-schema-CustodyInput-action = `viewed`, `copied`, `exported` ឬ `handed_over` (សកម្មភាពផ្សេងទៀតត្រូវបាន Accord កត់ត្រានៅពេលវាកើតឡើង)។
api-schema-CustodyInput-note = ទៅអ្នកណា នៅឯណា ដោយរបៀបណា ចាំបាច់សម្រាប់ `handed_over`។
api-schema-Derivation = អ្វីដែលច្បាប់ចម្លងការងារមួយត្រូវបានធ្វើចេញពី។
api-schema-ErrorBody = តួនៃចម្លើយកំហុសនីមួយៗ (បង្កើតដោយ [`ApiError`])។
api-schema-Evidence = ភស្តុតាងមួយ។
api-schema-EvidenceItem = ធាតុភស្តុតាងមួយ៖ ហាស និងប្រភេទនៃឯកសារ កំណត់ត្រានៃការប្រមូល និងខ្សែសង្វាក់នៃការរក្សារបស់វា។
api-schema-EvidenceItem-custody = ចាស់ជាងគេមុន។
api-schema-EvidenceItem-derived-from = មានសម្រាប់ច្បាប់ចម្លងការងារ៖ ច្បាប់ដើម និងអ្វីដែលបានធ្វើ។
api-schema-EvidenceItem-file = ឈ្មោះរបស់វាក្នុងសំណុំរឿង (និងក្នុងថត `evidence/` នៃកញ្ចប់មួយ)។
api-schema-EvidenceRefRecord = ឯកសារមួយដែលហេតុការណ៍មួយដាក់ឈ្មោះតាមហាសរបស់វា។
api-schema-Finding = ហេតុការណ៍ដែលត្រូវបានវាយតម្លៃធៀបនឹងបទប្បញ្ញត្តិមួយ។
api-schema-Finding-incidents = លេខសម្គាល់ហេតុការណ៍។
api-schema-Finding-provision = ឯកសារយោងស្តង់ដារនៃបទប្បញ្ញត្តិ។
api-schema-Finding-status = `draft`, `confirmed` ឬ `retracted` មានតែការរកឃើញដែលបានបញ្ជាក់ប៉ុណ្ណោះដែលរាប់សម្រាប់ការដាក់ឱ្យដំណើរការ។
api-schema-Finding-verdict = សេចក្តីសម្រេច៖ `violation`, `threat_of_violation` ឬ `concern`។
api-schema-FindingInput = ការរកឃើញថ្មីមួយ វាត្រូវបានកត់ត្រាជាសេចក្តីព្រាង ដើម្បីឱ្យអ្នកពិនិត្យបញ្ជាក់។
api-schema-FindingInput-incidents = លេខសម្គាល់ហេតុការណ៍នៃសំណុំរឿង (យ៉ាងហោចណាស់មួយ)។
api-schema-FindingInput-provision = ឯកសារយោងនៃបទប្បញ្ញត្តិមួយរបស់សំណុំរឿង (`FPA Art. 3(1)`)។
api-schema-FindingInput-rationale = មូលហេតុដែលហេតុការណ៍ទាំងនោះនាំទៅដល់សេចក្តីសម្រេចនេះ។
api-schema-FindingRecord = JSON ស្តង់ដារនៃការរកឃើញមួយ ដូចដែលបានរក្សាកំណែ និងកត់ត្រាក្នុងកំណត់ហេតុ។
api-schema-FindingStatusInput = សេចក្តីសម្រេចនៃការពិនិត្យមួយ។
api-schema-FindingStatusInput-status = ស្ថានភាព៖ `confirmed`, `retracted` ឬ `draft`។
api-schema-FindingVersion = កំណែមួយនៃការរកឃើញមួយ។
api-schema-FindingVersion-record = ការរកឃើញដូចដែលវាធ្លាប់មាន null ប្រសិនបើកំណែនេះបានលុបវា។
api-schema-FollowThroughInput = កំណត់ត្រាថ្មីមួយ។ `kind` ប្រាប់ថាវាយកវាលណាខ្លះ៖ `delivery` (`to`, `date`, `method`, `note`?), `response` (`from`, `date`, `action`, `summary`, `text`?, `source`?), `deadline` (`date`, `asked`, `addressee`?) ឬ `follow_up` (`cites`)។
api-schema-FollowThroughInput-id = លេខសម្គាល់នៃកំណត់ត្រា លេខសម្គាល់ដែលងាយអាន បើគ្មាន។
api-schema-FollowThroughRecord = ការប្រគល់ ការឆ្លើយតប ថ្ងៃផុតកំណត់ ឬការតាមដានមួយ។ វាលដែលមានអាស្រ័យលើ `kind`។
api-schema-FollowThroughRecord-action = អ្វីដែលអ្នកទទួលដែលឆ្លើយតបបានធ្វើ៖ `acted`, `acknowledged` ឬ `declined`។
api-schema-FollowThroughRecord-addressee = អ្នកទទួលដែលថ្ងៃផុតកំណត់មួយចងកាតព្វកិច្ច (បើគ្មាន៖ អ្នកទទួលទាំងអស់)។
api-schema-FollowThroughRecord-asked = អ្វីដែលថ្ងៃផុតកំណត់មួយស្នើសុំ។
api-schema-FollowThroughRecord-cites = លិខិតមុនដែលការតាមដានមួយយោង។
api-schema-FollowThroughRecord-date = `YYYY-MM-DD` (មិនមែនសម្រាប់ការតាមដានទេ)។
api-schema-FollowThroughRecord-from = អ្នកទទួលដែលឆ្លើយតប។
api-schema-FollowThroughRecord-kind = ប្រភេទ៖ `delivery`, `response`, `deadline` ឬ `follow_up`។
api-schema-FollowThroughRecord-letter = លិខិតដែលវានិយាយអំពី (ការតាមដាន៖ លិខិតក្រោយ)។
api-schema-FollowThroughRecord-method = វិធីនៃការប្រគល់៖ `email`, `post`, `hand`, `fax`, `online_form`, `published`, `other`។
api-schema-FollowThroughRecord-source = លេខសម្គាល់ប្រភពមួយនៃសំណុំរឿង។
api-schema-FollowThroughRecord-to = អ្នកទទួលនៃការប្រគល់មួយ (លេខសម្គាល់តួអង្គ ឬឈ្មោះដូចដែលបានបោះពុម្ព)។
api-schema-Incident = អ្វីមួយដែលបានកើតឡើង៖ ការចាប់ខ្លួន ការបិទ ច្បាប់ថ្មី។
api-schema-Incident-date = ដូចដែលបានកត់ត្រា៖ ថ្ងៃមួយ (`2030-02-14`) ខែមួយ (`2030-03`) ឆ្នាំមួយ ចន្លោះមួយ (`2030-01..2030-06`) ឬចន្លោះបើកចំហ។
api-schema-Incident-date-end = ថ្ងៃចុងក្រោយបំផុតដែលកាលបរិច្ឆេទអនុញ្ញាត null សម្រាប់ហេតុការណ៍ដែលកំពុងបន្ត។
api-schema-Incident-date-precision = ភាពច្បាស់លាស់៖ `day`, `month`, `year`, `range`, ...
api-schema-Incident-date-start = ថ្ងៃដំបូងបំផុតដែលកាលបរិច្ឆេទអនុញ្ញាត (`YYYY-MM-DD`)។
api-schema-Incident-evidence = ឯកសារដែលភាពត្រឹមត្រូវរបស់វាអាចផ្ទៀងផ្ទាត់បានតាម SHA-256 របស់វា (សម្រាប់តែអាននៅទីនេះ)។
api-schema-Incident-kind = `arrest`, `closure`, `dissolution`, `legislation`, ... (មើលហេតុការណ៍ដែលបញ្ចូល)។
api-schema-Incident-restricted-to = សម្រាប់ហេតុការណ៍ដែលបានដាក់កម្រិត៖ សមាជិក (តាមអាសយដ្ឋានអ៊ីមែល) ដែលអាចមើលវាបាន ក្រៅពីម្ចាស់។
api-schema-Incident-sensitivity = អ្នកដែលអាចមើលហេតុការណ៍៖ `public`, `case` ឬ `restricted`។
api-schema-Incident-sources = លេខសម្គាល់ប្រភព។
api-schema-IncidentInput = ហេតុការណ៍មួយដែលត្រូវបង្កើត ឬស្ថានភាពថ្មីនៃហេតុការណ៍មួយដែលត្រូវជំនួស។
api-schema-IncidentInput-actors = តួអង្គដែលមានក្នុងសំណុំរឿងរួចហើយ។
api-schema-IncidentInput-date = កាលបរិច្ឆេទ៖ `2030-02-14`, `2030-03`, `2030`, `2030-01..2030-06`, `2030-01..`។
api-schema-IncidentInput-id = សម្រាប់ហេតុការណ៍ថ្មី៖ លេខសម្គាល់របស់វា (អក្សរ លេខ `-`, `_`) បង្កើតពីចំណងជើង បើគ្មាន។ នៅពេលជំនួស៖ គ្មាន ឬដូចគ្នានឹងលេខសម្គាល់ក្នុង URL។
api-schema-IncidentInput-kind = ប្រភេទ៖ `arrest`, `detention`, `closure`, `ban`, `dissolution`, `deregistration`, `legislation`, `suspension`, `expulsion`, `tax_action`, `threat`, `statement`, `surveillance`, `harassment`, `exile` ឬ `other`។
api-schema-IncidentInput-restricted-to = អាសយដ្ឋានអ៊ីមែលនៃសមាជិកដែលអាចមើលហេតុការណ៍ដែលបានដាក់កម្រិត (បើគ្មាន៖ មិនផ្លាស់ប្តូរ)។
api-schema-IncidentInput-sensitivity = `public`, `case` ឬ `restricted`។ ហេតុការណ៍ថ្មីដែលគ្មានវាលនេះគឺ `case` (សមាជិកនៃសំណុំរឿង) ហេតុការណ៍ដែលត្រូវបានជំនួសរក្សាអ្វីដែលវាធ្លាប់មាន។ មានតែម្ចាស់ទេដែលអាចប្តូរហេតុការណ៍ដែលបានដាក់កម្រិតទៅជាអ្វីផ្សេង។
api-schema-IncidentInput-sources = លេខសម្គាល់នៃប្រភពដែលមានក្នុងសំណុំរឿងរួចហើយ។
api-schema-IncidentInput-themes = ពាក្យជាអក្សរតូច ដកឃ្លាក្លាយជា `_`។
api-schema-IncidentPage = ទំព័រមួយនៃកាលប្បវត្តិ ថ្មីជាងគេមុន (ឬតាមភាពពាក់ព័ន្ធ នៅពេលមាន `q`)។
api-schema-IncidentPage-total = ចំនួនហេតុការណ៍ដែលត្រូវគ្នា នៅលើទំព័រទាំងអស់។
api-schema-IncidentRecord = JSON ស្តង់ដារនៃហេតុការណ៍មួយ ដូចដែលបានរក្សាកំណែ និងកត់ត្រាក្នុងកំណត់ហេតុ។
api-schema-IncidentRecord-restricted-to = សម្រាប់កំណត់ត្រាដែលបានដាក់កម្រិត៖ សមាជិកដែលអាចមើលវាបាន គ្មាន នៅពេលគ្មាននរណាម្នាក់ត្រូវបានដាក់ឈ្មោះ។
api-schema-IncidentRecord-sensitivity = `public` ឬ `restricted` គ្មានសម្រាប់ `case` ដែលជាលំនាំដើម។
api-schema-IncidentVersion = កំណែមួយនៃហេតុការណ៍មួយ។
api-schema-IncidentVersion-at = ពេលដែលវាត្រូវបានសរសេរ (UTC, `YYYY-MM-DDTHH:MM:SSZ`)។
api-schema-IncidentVersion-by = អ្នកដែលបានសរសេរវា។
api-schema-IncidentVersion-record = ហេតុការណ៍ដូចដែលវាធ្លាប់មាន null ប្រសិនបើកំណែនេះបានលុបវា។
api-schema-IncidentVersion-version = ចាប់ពីលេខ 1។
api-schema-LetterFollowThrough = ការតាមដាននៃលិខិតមួយ។
api-schema-LetterFollowThrough-records = កំណត់ត្រារបស់វា តាមលំដាប់ដែលវាត្រូវបានសរសេរ និងការតាមដានដែលយោងវា។
api-schema-LetterFollowThrough-requests = យន្តការដែលលិខិតស្នើសុំ (វាដកស្រង់បទប្បញ្ញត្តិរបស់យន្តការទាំងនោះ ឬរាយហេតុការណ៍របស់វា)។
api-schema-LetterLanguage = លិខិតជាភាសាមួយ។
api-schema-LetterLanguage-addressees = អ្នកទទួលដូចដែលភាសានេះបោះពុម្ព (កំណែដែលមិនសរសេរអ្នកទទួលណាមួយ បោះពុម្ពអ្នកទទួលនៃច្បាប់ដើម) តាមលំដាប់នៃលិខិត។
api-schema-LetterLanguage-cc = បន្ទាត់ CC ដូចដែលភាសានេះបោះពុម្ព តាមលំដាប់។
api-schema-LetterLanguage-lang = ស្លាក BCP 47។
api-schema-LetterLanguage-original = ច្បាប់ដើម (វាលផ្ទាល់របស់លិខិត) ឬការបកប្រែ។
api-schema-LetterLanguage-out-of-date = ពាក្យពេចន៍នៃច្បាប់ដើមបានផ្លាស់ប្តូរ ចាប់តាំងពីកំណែនេះត្រូវបានបកប្រែ។
api-schema-LetterLanguage-signatories = អង្គការដែលបានបោះពុម្ពនៅក្រោមលិខិតជាភាសានេះ (ហត្ថលេខាដែលបានផ្ទៀងផ្ទាត់នៃអត្ថបទបច្ចុប្បន្នរបស់វា)។
api-schema-LetterLanguage-signed-text-sha256 = SHA-256 នៃអត្ថបទដែលហត្ថលេខីចុះហត្ថលេខាជាភាសានេះ `null` នៅពេលតួអត្ថបទរបស់វាមិនអាចផ្សំបាន។
api-schema-LetterLanguage-translated-at = ពេលណា (`YYYY-MM-DD` សម្រាប់តែកំណែ)។
api-schema-LetterLanguage-translated-by = អ្នកដែលបានបកប្រែវា (សម្រាប់តែកំណែ)។
api-schema-LetterLanguage-translates-recipients = ថាតើកំណែនេះសរសេរអ្នកទទួល ឬ CC ជាភាសារបស់ខ្លួនឬទេ (`false` សម្រាប់ច្បាប់ដើម)។
api-schema-LetterLanguages = ភាសានៃលិខិតមួយ៖ ច្បាប់ដើមរបស់វាមុន បន្ទាប់មកកំណែនីមួយៗ។
api-schema-LetterLanguages-original = ស្លាក BCP 47 នៃច្បាប់ដើម។
api-schema-MechanismStatus = យន្តការមួយ៖ ត្រូវបានដាក់ឱ្យដំណើរការឬទេ ចាប់តាំងពីពេលណា និងការរកឃើញដែលបញ្ជាក់ពីហេតុផល។
api-schema-MechanismStatus-findings = លេខសម្គាល់នៃការរកឃើញដែលបានបញ្ជាក់ ដែលដាក់វាឱ្យដំណើរការ តាមកាលបរិច្ឆេទ។
api-schema-MechanismStatus-requested-by = ឈ្មោះតួអង្គ (ក្រុមត្រូវបានរាយតាមសមាជិករបស់វា)។
api-schema-MechanismStatus-since = `YYYY-MM-DD`៖ ថ្ងៃដំបូងបំផុតនៃហេតុការណ៍ដែលមានលក្ខណៈគ្រប់គ្រាន់ដំបូងបំផុត។
api-schema-MechanismStatus-since-incident = លេខសម្គាល់នៃហេតុការណ៍នៅពីក្រោយ `since`។
api-schema-MechanismStatus-since-precision = កម្រិតភាពច្បាស់លាស់នៃកាលបរិច្ឆេទរបស់ហេតុការណ៍នៅពីក្រោយ `since` (`day`, `month`, `range`, ...)។
api-schema-Observation = កម្រិតនៃការអនុវត្តបទប្បញ្ញត្តិមួយនៅកាលបរិច្ឆេទមួយ។
api-schema-Observation-coded-by = អ្នកដែលបានដាក់កូដវា។
api-schema-Observation-date = កាលបរិច្ឆេទដែលវាពិពណ៌នា៖ `YYYY`, `YYYY-MM` ឬ `YYYY-MM-DD` (កូដប្រចាំឆ្នាំពិពណ៌នាស្ថានភាពនៅចុងឆ្នាំនោះ)។
api-schema-Observation-score = តាមមាត្រដ្ឋាន Peace Accords Matrix៖ 0 (មិនបានអនុវត្ត) 1 (តិចតួចបំផុត) 2 (កម្រិតមធ្យម) 3 (អនុវត្តពេញលេញ)។
api-schema-Observation-score-label = ស្លាក៖ `not implemented`, `minimal`, `intermediate` ឬ `full`។
api-schema-Observation-status = `draft`, `confirmed` ឬ `retracted` មានតែការសង្កេតដែលបានបញ្ជាក់ប៉ុណ្ណោះដែលជាស្ថានភាពនៃបទប្បញ្ញត្តិ។
api-schema-ObservationInput = ការសង្កេតថ្មីមួយ វាត្រូវបានកត់ត្រាជាសេចក្តីព្រាង ដើម្បីឱ្យអ្នកពិនិត្យបញ្ជាក់។
api-schema-ObservationInput-coded-by = អ្នកដែលបានដាក់កូដវា អ្នកហៅ បើគ្មាន។
api-schema-ObservationInput-date = កាលបរិច្ឆេទដែលវាពិពណ៌នា៖ `YYYY`, `YYYY-MM` ឬ `YYYY-MM-DD` មិនក្រោយថ្ងៃនេះ មិនមុនកាលបរិច្ឆេទនៃលិខិតុបករណ៍។
api-schema-ObservationInput-score = ពិន្ទុ 0, 1, 2 ឬ 3។
api-schema-ObservationInput-sources = លេខសម្គាល់ប្រភពនៃសំណុំរឿង។
api-schema-ObservationSummary = ការសង្កេតលើការអនុវត្តមួយ ដូចដែលស្ថានភាពនៃបទប្បញ្ញត្តិបង្ហាញ។
api-schema-ObservationSummary-date = កាលបរិច្ឆេទដែលវាពិពណ៌នា៖ `YYYY`, `YYYY-MM` ឬ `YYYY-MM-DD`។
api-schema-ObservationSummary-id = លេខសម្គាល់នៃការសង្កេត។
api-schema-OriginalLanguage = ភាសាដែលកំណត់ត្រាមួយត្រូវបានសរសេរ ឬ (ប្រភេទ `case` លេខសម្គាល់សំណុំរឿង) ភាសាដែលកំណត់ត្រារបស់សំណុំរឿងត្រូវបានសរសេរ។
api-schema-OriginalLanguage-id = លេខសម្គាល់នៃកំណត់ត្រា លេខសម្គាល់នៃបទប្បញ្ញត្តិគឺជាឯកសារយោងរបស់វា លេខសម្គាល់ផ្ទាល់របស់សំណុំរឿង ជាមួយប្រភេទ `case`។
api-schema-OriginalLanguage-kind = ប្រភេទ៖ `case`, `instrument`, `provision`, `actor`, `source`, `incident` ឬ `mechanism`។
api-schema-OriginalLanguage-lang = ស្លាក BCP 47 នៃភាសាដែលគេស្គាល់ (`km`, `fr`, `en`, `fr-CA`)។
api-schema-PartyOutcome = អ្វីដែលអ្នកទទួលម្នាក់ (ឬភាគីដែលទទួលខុសត្រូវលើយន្តការមួយដែលលិខិតស្នើសុំ) បានធ្វើ។
api-schema-PartyOutcome-addressed = ថាតើលិខិតត្រូវបានផ្ញើទៅពួកគេឬទេ។
api-schema-PartyOutcome-delivered = ថ្ងៃនៃការប្រគល់ចុងក្រោយបំផុតទៅពួកគេ។
api-schema-PartyOutcome-outcome = លទ្ធផល៖ `acted`, `acknowledged`, `declined` ឬ `no_response`។
api-schema-PartyOutcome-party = លេខសម្គាល់តួអង្គនៃអ្នកទទួល ឬឈ្មោះរបស់វាដូចដែលបានបោះពុម្ព។
api-schema-PartyOutcome-responded = ថ្ងៃនៃការឆ្លើយតបចុងក្រោយបំផុតរបស់ពួកគេ។
api-schema-Permissions = អ្វីដែលអ្នកហៅអាចធ្វើក្នុងសំណុំរឿងមួយ។
api-schema-Permissions-edit = កត់ត្រា និងកែសម្រួលហេតុការណ៍ បន្ថែមការរកឃើញជាសេចក្តីព្រាង។
api-schema-Permissions-manage = គ្រប់គ្រងសមាជិក និងការបោះពុម្ពផ្សាយ។
api-schema-Permissions-review = បញ្ជាក់ ឬដកការរកឃើញ។
api-schema-Provision = បទប្បញ្ញត្តិមួយដែលអាចយោងបាន។
api-schema-Provision-as-of = `YYYY-MM-DD`៖ មាននៅពេល `status` និង `findings` គិតត្រឹមថ្ងៃនោះ (`?as_of=`)។
api-schema-Provision-citation = ឯកសារយោងស្តង់ដារ (`FPA Art. 3(1)`) ក៏ជាលេខសម្គាល់នៃបទប្បញ្ញត្តិក្នុង URL ផងដែរ។
api-schema-Provision-findings = លេខសម្គាល់នៃការរកឃើញដែលបានបញ្ជាក់ លើបទប្បញ្ញត្តិនេះ ឬផ្នែករងរបស់វា។
api-schema-Provision-instrument = លេខសម្គាល់នៃលិខិតុបករណ៍ (`FPA`)។
api-schema-Provision-observation = ការសង្កេតដែលបានបញ្ជាក់ចុងក្រោយបំផុតនៃការអនុវត្តរបស់វា ឬ null (គិតត្រឹម `as_of` នៅពេលមាន)។
api-schema-Provision-status = តាមការរកឃើញដែលបានបញ្ជាក់៖ `violated`, `threatened`, `concern` ឬ `none`។
api-schema-Provision-text = អត្ថបទជាភាសាការងារនៃលិខិតុបករណ៍ null នៅពេលវាខ្វះ។
api-schema-Provision-text-source = ប្រភពនៃអត្ថបទ។
api-schema-Provision-text-status = កម្រិតនៃភាពជឿទុកចិត្តបាននៃអត្ថបទ៖ `verified`, `unverified`, `translation`, `quoted`, `missing`។
api-schema-ProvisionStatus = ស្ថានភាពនៃបទប្បញ្ញត្តិមួយ។
api-schema-ProvisionStatus-findings = លេខសម្គាល់នៃការរកឃើញដែលបានបញ្ជាក់ អំពីបទប្បញ្ញត្តិនេះ ឬផ្នែករងរបស់វា។
api-schema-ProvisionStatus-observation = ការសង្កេតដែលបានបញ្ជាក់ចុងក្រោយបំផុតនៃការអនុវត្តរបស់វា (នៃបទប្បញ្ញត្តិនេះផ្ទាល់) ឬ null គិតត្រឹម `as_of` នៅពេលស្ថានភាពគិតត្រឹមថ្ងៃនោះ។
api-schema-ProvisionStatus-status = ស្ថានភាព៖ `violated`, `threatened`, `concern` ឬ `none`។
api-schema-Received = អ្វីដែលម៉ាស៊ីនមេបានកត់ត្រាសម្រាប់ឯកសារដែលបានផ្ទុកឡើង។
api-schema-Received-id = លេខសម្គាល់នៃធាតុភស្តុតាង។
api-schema-Received-media-type = កំណត់ពីខ្លឹមសារ។
api-schema-Received-sha256 = SHA-256 នៃបៃដែលបានទទួល (អ្វីដែល `sha256sum` បង្ហាញសម្រាប់ឯកសារ)។
api-schema-Received-size = ចំនួនបៃដែលបានទទួល។
api-schema-RecordLanguagesView = ភាសានៃកំណត់ត្រាមួយ។
api-schema-RecordLanguagesView-id = លេខសម្គាល់នៃកំណត់ត្រា លេខសម្គាល់នៃបទប្បញ្ញត្តិគឺជាឯកសារយោងរបស់វា (`FPA Art. 3(1)`)។
api-schema-RecordLanguagesView-original = ភាសាដែលកំណត់ត្រាត្រូវបានសរសេរ។
api-schema-RemovalInput = ការបកប្រែនៃកំណត់ត្រាមួយដែលត្រូវដកចេញ។
api-schema-RemovalInput-lang = ស្លាក BCP 47 នៃការបកប្រែដែលត្រូវដកចេញ។
api-schema-Source = ប្រភពនៃសេចក្តីថ្លែងការណ៍ ឬការពិតមួយ៖ របាយការណ៍ អត្ថបទ រាជកិច្ច។
api-schema-Source-accessed = ពេលដែល URL ត្រូវបានអានចុងក្រោយ (`YYYY-MM-DD`)។
api-schema-Source-date = ដូចដែលបានកត់ត្រា៖ ថ្ងៃ ខែ ឆ្នាំ ឬចន្លោះមួយ។
api-schema-Source-restricted-to = សម្រាប់ប្រភពដែលបានដាក់កម្រិត៖ សមាជិក (តាមអាសយដ្ឋានអ៊ីមែល) ដែលអាចមើលវាបាន ក្រៅពីម្ចាស់។
api-schema-Source-sensitivity = អ្នកដែលអាចមើលប្រភព៖ `public`, `case` ឬ `restricted`។
api-schema-SourceInput = ប្រភពមួយដែលត្រូវបន្ថែម។
api-schema-SourceInput-date = កាលបរិច្ឆេទ៖ `2030-02-14`, `2030-03`, `2030`, `2030-01..2030-06`។
api-schema-SourceInput-id = លេខសម្គាល់របស់វា (អក្សរ លេខ `-`, `_`) បង្កើតពីចំណងជើង បើគ្មាន។ លេខសម្គាល់ដែលសំណុំរឿងមានរួចហើយត្រូវបានបដិសេធជាមួយ 409។
api-schema-SourceInput-restricted-to = អាសយដ្ឋានអ៊ីមែលនៃសមាជិកដែលអាចមើលប្រភពដែលបានដាក់កម្រិត។
api-schema-SourceInput-sensitivity = `public`, `case` (លំនាំដើម៖ សមាជិកនៃសំណុំរឿង) ឬ `restricted` (សមាជិកដែលមានឈ្មោះក្នុង `restricted_to` និងម្ចាស់សំណុំរឿង)។
api-schema-SourceInput-url = អាសយដ្ឋាន `http://` ឬ `https://`។
api-schema-SourceRecord = JSON ស្តង់ដារនៃប្រភពមួយ ដូចដែលបានរក្សាកំណែ និងកត់ត្រាក្នុងកំណត់ហេតុ។
api-schema-SourceVersion = កំណែមួយនៃប្រភពមួយ។
api-schema-SourceVersion-record = ប្រភពដូចដែលវាធ្លាប់មាន null ប្រសិនបើកំណែនេះបានលុបវា។
api-schema-Translation = អត្ថបទនៃបទប្បញ្ញត្តិមួយជាភាសាផ្សេង។
api-schema-Translation-lang = ស្លាកភាសា BCP 47។
api-schema-TranslationInput = ការបកប្រែនៃកំណត់ត្រាមួយជាភាសាមួយ វាលដែលបានផ្តល់ជំនួសវាលនៃការបកប្រែជាភាសានោះ វាលផ្សេងទៀតនៅដដែល។
api-schema-TranslationInput-by = អ្នកដែលបានបកប្រែវា អ្នកហៅ បើគ្មាន។
api-schema-TranslationInput-fields = ឈ្មោះវាល → អត្ថបទដែលបានបកប្រែ គ្មានមួយណាទទេ។
api-schema-TranslationInput-lang = ស្លាក BCP 47 (`km`, `fr`, `fr-CA`) មិនមែនភាសាដើមនៃកំណត់ត្រាទេ។
api-schema-TranslationView = កំណត់ត្រាមួយជាភាសាផ្សេងពីភាសាដើមរបស់វា។
api-schema-TranslationView-at = ពេលណា (`YYYY-MM-DD`)។
api-schema-TranslationView-by = អ្នកដែលបានបកប្រែវា។
api-schema-TranslationView-fields = វាលដែលបានបកប្រែ៖ `title`, `summary`, `place`, `name`, `heading`, `text`, `notes`, `note` ឬ `action` តាមវាលដែលប្រភេទនៃកំណត់ត្រាមាន។
api-schema-TranslationView-original-sha256 = SHA-256 (hex) នៃអត្ថបទដើមដែលវាលនីមួយៗត្រូវបានបកប្រែចេញពី នៅពេលដែលគេដឹង។
api-schema-TranslationView-out-of-date = វាលដែលច្បាប់ដើមរបស់វាបានផ្លាស់ប្តូរ ចាប់តាំងពីវាត្រូវបានបកប្រែ។
api-schema-VersionInput = ពាក្យពេចន៍នៃលិខិតមួយជាភាសាមួយ ដូចដែលអ្នកបកប្រែសរសេរ។
api-schema-VersionInput-addressees = អ្នកទទួលនៃច្បាប់ដើមជាភាសានេះ តាមលំដាប់នៃច្បាប់ដើម (យ៉ាងច្រើនចំនួនដូចគ្នា) បើគ្មាន ឬទទេ៖ កំណែបោះពុម្ពអ្នកទទួលនៃច្បាប់ដើម។
api-schema-VersionInput-body = គំរូនៃតួអត្ថបទ៖ Markdown ជាមួយមុខងារគំរូនៃលិខិត។
api-schema-VersionInput-cc = បន្ទាត់ CC នៃច្បាប់ដើមជាភាសានេះ តាមលំដាប់ (យ៉ាងច្រើនចំនួនដូចគ្នា) បើគ្មាន ឬទទេ៖ បន្ទាត់ CC នៃច្បាប់ដើម។
api-get-case-resp-200 = សំណុំរឿង
api-list-actors-resp-200 = តួអង្គទាំងឡាយ
api-get-actor-param-actor = លេខសម្គាល់តួអង្គ
api-get-actor-resp-200 = តួអង្គ
api-get-actor-resp-404 = គ្មានសំណុំរឿង ឬតួអង្គនេះ ឬអ្នកហៅមិនមានសិទ្ធិមើលសំណុំរឿង
api-list-awaiting-param-as-of = ថ្ងៃមួយ (YYYY-MM-DD) ថ្ងៃនេះ បើគ្មាន
api-list-awaiting-resp-200 = ថ្ងៃផុតកំណត់ដែលបានកន្លងផុតដោយគ្មានការឆ្លើយតប
api-list-awaiting-resp-422 = `as_of` មិនមែនជាថ្ងៃទេ
api-get-evidence-resp-200 = ធាតុភស្តុតាង
api-add-custody-event-resp-201 = បានកត់ត្រា ធាតុភស្តុតាងជាមួយខ្សែសង្វាក់នៃការរក្សារបស់វា
api-add-custody-event-resp-422 = ព្រឹត្តិការណ៍មិនត្រឹមត្រូវទេ `field` ប្រាប់បញ្ហា
api-download-evidence-resp-200 = ឯកសារ ដូចដើមគ្រប់បៃ `X-Evidence-SHA256` គឺជាហាសរបស់វា
api-list-findings-param-status = តែការរកឃើញដែលមានស្ថានភាពនេះ (`draft`, `confirmed`, `retracted`)។
api-list-findings-param-incident = តែការរកឃើញដែលដាក់ឈ្មោះហេតុការណ៍នេះ។
api-list-findings-resp-200 = ការរកឃើញទាំងឡាយ
api-create-finding-resp-201-location = URL នៃការរកឃើញថ្មី
api-create-finding-resp-422 = ការរកឃើញមិនត្រឹមត្រូវទេ `field` ប្រាប់បញ្ហាទីមួយ
api-get-finding-resp-200 = ការរកឃើញ
api-set-finding-status-resp-200 = ការរកឃើញ ដូចដែលបានពិនិត្យ
api-set-finding-status-resp-403 = តួនាទីរបស់អ្នកហៅមិនអនុញ្ញាតឱ្យពិនិត្យការរកឃើញទេ
api-set-finding-status-resp-422 = ស្ថានភាពមិនត្រឹមត្រូវទេ
api-list-incidents-param-q = ការស្វែងរកអត្ថបទពេញក្នុងចំណងជើង សេចក្តីសង្ខេប និងទីកន្លែង (អក្សរឡាតាំង និងអក្សរខ្មែរ)។
api-list-incidents-param-kind = ប្រភេទហេតុការណ៍មួយ (`arrest`, `closure`, ...)។
api-list-incidents-param-actor = លេខសម្គាល់តួអង្គមួយ។
api-list-incidents-param-theme = ប្រធានបទមួយ (`association`, `expression`, ...)។
api-list-incidents-param-verdict = តែហេតុការណ៍ដែលមានការរកឃើញដែលបានបញ្ជាក់ជាមួយសេចក្តីសម្រេចនេះ (`violation`, `threat_of_violation`, `concern`)។
api-list-incidents-param-from = ហេតុការណ៍ដែលអាចបានកើតឡើងនៅថ្ងៃនេះ ឬក្រោយ (`YYYY-MM-DD`)។
api-list-incidents-param-to = ហេតុការណ៍ដែលអាចបានកើតឡើងនៅថ្ងៃនេះ ឬមុន (`YYYY-MM-DD`)។
api-list-incidents-param-page = ទំព័រ ចាប់ពីលេខ 1។
api-list-incidents-param-per-page = ចំនួនហេតុការណ៍ក្នុងមួយទំព័រ (លំនាំដើម 50 យ៉ាងច្រើន 200)។
api-list-incidents-resp-200 = ទំព័រមួយនៃហេតុការណ៍ដែលត្រូវគ្នា
api-list-incidents-resp-400 = ការស្វែងរកអត្ថបទពេញមិនមាននៅលើម៉ាស៊ីនមេនេះទេ
api-create-incident-resp-201 = បានបង្កើត `Location` គឺជា URL របស់វា
api-create-incident-resp-201-location = URL នៃហេតុការណ៍ថ្មី
api-create-incident-resp-422 = ហេតុការណ៍មិនត្រឹមត្រូវទេ `field` ប្រាប់បញ្ហាទីមួយ
api-get-incident-resp-200 = ហេតុការណ៍
api-update-incident-resp-200 = បានរក្សាទុក
api-upload-evidence-param-file-name = ឈ្មោះឯកសារ (រក្សាទុកតែផ្នែកចុងក្រោយរបស់វា)។ ចាំបាច់។
api-upload-evidence-param-id = លេខសម្គាល់សម្រាប់ធាតុភស្តុតាង បង្កើតពីឈ្មោះឯកសារ បើគ្មាន។
api-upload-evidence-param-source = លេខសម្គាល់នៃប្រភពមួយរបស់សំណុំរឿង ដែលឯកសារនេះជាច្បាប់ចម្លងរបស់វា។
api-upload-evidence-param-captured-at = ពេលដែលវាត្រូវបានប្រមូល (UTC, `YYYY-MM-DDTHH:MM:SSZ`)។
api-upload-evidence-param-captured-by = អ្នកដែលបានប្រមូលវា។
api-upload-evidence-param-source-url = កន្លែងដែលរកឃើញច្បាប់ដើម (`http://` ឬ `https://`)។
api-upload-evidence-param-method = របៀបដែលទទួលបានវា៖ ទាញយក រូបថតអេក្រង់ សាក្សីប្រគល់ឱ្យ ...
api-upload-evidence-param-tool = ឧបករណ៍ ឬបរិក្ខារដែលបានប្រើ។
api-upload-evidence-param-place = កន្លែងដែលវាត្រូវបានប្រមូល។
api-upload-evidence-param-derived-from = សម្រាប់ច្បាប់ចម្លងការងារ៖ លេខសម្គាល់នៃធាតុភស្តុតាងដើម (ដែលមិនត្រូវបានផ្លាស់ប្តូរ ហើយកត់ត្រា `derived`)។
api-upload-evidence-param-what = សម្រាប់ច្បាប់ចម្លងការងារ៖ អ្វីដែលបានធ្វើចំពោះច្បាប់ដើម (ចាំបាច់ជាមួយ `derived_from`)។
api-upload-evidence-body = ឯកសារ ដូចដើមគ្រប់បៃ
api-upload-evidence-resp-201 = បានទទួល `Location` គឺជា URL នៃធាតុភស្តុតាង
api-upload-evidence-resp-201-location = URL នៃធាតុភស្តុតាងថ្មី
api-upload-evidence-resp-400 = ការផ្ទុកឡើងបានឈប់មុនចប់ គ្មានអ្វីត្រូវបានរក្សាទុកទេ
api-upload-evidence-resp-409 = សំណុំរឿងមានធាតុភស្តុតាងដែលមានលេខសម្គាល់នេះរួចហើយ
api-upload-evidence-resp-413 = ឯកសារធំជាងដែនកំណត់ផ្ទុកឡើងរបស់ម៉ាស៊ីនមេ
api-upload-evidence-resp-422 = ប៉ារ៉ាម៉ែត្រសំណួរមួយមិនត្រឹមត្រូវទេ `field` ប្រាប់ឈ្មោះវា
api-get-follow-through-resp-200 = ការតាមដានលិខិត
api-create-follow-through-resp-201 = បានកត់ត្រា
api-create-follow-through-resp-409 = កំណត់ត្រាដែលមានលេខសម្គាល់នេះមានរួចហើយ
api-create-follow-through-resp-422 = កំណត់ត្រាមិនត្រឹមត្រូវទេ (ការឆ្លើយតបពីអ្នកដែលលិខិតមិនបានផ្ញើទៅ កាលបរិច្ឆេទមុនលិខិត ឬក្រោយថ្ងៃនេះ ការតាមដានដែលយោងលិខិតនៃសំណុំរឿងផ្សេង ...) `field` ប្រាប់បញ្ហាទីមួយ ហើយគ្មានអ្វីត្រូវបានសរសេរទេ
api-get-letter-versions-resp-200 = ភាសានៃលិខិត
api-delete-letter-version-param-lang = ស្លាក BCP 47 នៃកំណែ (មិនមែនរបស់ច្បាប់ដើម)
api-delete-letter-version-resp-200 = កំណែត្រូវបានដកចេញ៖ ភាសាដែលនៅសល់នៃលិខិត
api-delete-letter-version-resp-403 = អ្នកហៅមិនមែនជាអ្នកសម្របសម្រួលលិខិតនៃសំណុំរឿងទេ
api-delete-letter-version-resp-404 = គ្មានសំណុំរឿង លិខិត ឬកំណែនេះ ឬអ្នកហៅមិនមានសិទ្ធិមើលសំណុំរឿង
api-delete-letter-version-resp-422 = ភាសានៃច្បាប់ដើម ឬកំណែដែលអង្គការបានចុះហត្ថលេខា (ហើយមិនបានដកខ្លួន) `field` គឺ `lang` ហើយគ្មានអ្វីត្រូវបានសរសេរទេ
api-put-letter-version-resp-200 = កំណែត្រូវបានបន្ថែម ឬផ្លាស់ប្តូរ៖ លិខិតជាភាសានោះ
api-put-letter-version-resp-422 = កំណែមិនត្រឹមត្រូវទេ (ភាសានៃច្បាប់ដើម ស្លាកដែលមិនមែនជាភាសា ចំណងជើង ឬតួអត្ថបទទទេ តួអត្ថបទដែលមិនអាចផ្សំបាន អ្នកទទួល ឬបន្ទាត់ CC ច្រើនជាងច្បាប់ដើម អ្នកទទួលគ្មានឈ្មោះ) `field` ប្រាប់ឈ្មោះវា ហើយគ្មានអ្វីត្រូវបានសរសេរទេ
api-list-observations-param-provision = តែការសង្កេតនៃបទប្បញ្ញត្តិនេះ (ឯកសារយោងស្តង់ដាររបស់វា)។
api-list-observations-param-status = តែការសង្កេតដែលមានស្ថានភាពនេះ (`draft`, `confirmed`, `retracted`)។
api-list-observations-resp-200 = ការសង្កេតទាំងឡាយ (តែការសង្កេតដែលបានបញ្ជាក់ សម្រាប់អ្នកអានដែលមិនមែនជាសមាជិកនៃសំណុំរឿង)
api-create-observation-resp-201-location = URL នៃការសង្កេតថ្មី
api-create-observation-resp-422 = ការសង្កេតមិនត្រឹមត្រូវទេ (ពិន្ទុក្រៅពី 0-3 កាលបរិច្ឆេទក្រោយថ្ងៃនេះ ឬមុនលិខិតុបករណ៍ បទប្បញ្ញត្តិ ឬប្រភពដែលមិនស្គាល់) `field` ប្រាប់បញ្ហាទីមួយ
api-get-observation-resp-200 = ការសង្កេត
api-get-observation-resp-404 = គ្មានសំណុំរឿង ឬការសង្កេតនេះ ឬអ្នកហៅមិនមានសិទ្ធិមើលវា
api-set-observation-status-resp-200 = ការសង្កេត ដូចដែលបានពិនិត្យ
api-set-observation-status-resp-403 = តួនាទីរបស់អ្នកហៅមិនអនុញ្ញាតឱ្យពិនិត្យទេ ឬអ្នកហៅបានដាក់កូដ ឬកត់ត្រាវា
api-set-observation-status-resp-404 = គ្មានសំណុំរឿង ឬការសង្កេតនេះ ឬអ្នកហៅមិនមានសិទ្ធិមើលសំណុំរឿង
api-list-provisions-param-as-of = `YYYY-MM-DD`៖ ស្ថានភាពនៃបទប្បញ្ញត្តិនីមួយៗ ដូចដែលវាមាននៅថ្ងៃនោះ តាមហេតុការណ៍ដែលអាចបានកើតឡើងមុនពេលនោះ និងការរកឃើញលើហេតុការណ៍ទាំងនោះ
api-list-provisions-resp-200 = បទប្បញ្ញត្តិទាំងឡាយ
api-get-provision-param-citation = ឯកសារយោងស្តង់ដារ អ៊ិនកូដសម្រាប់ URL
api-get-provision-resp-200 = បទប្បញ្ញត្តិ
api-get-provision-resp-404 = គ្មានសំណុំរឿង ឬបទប្បញ្ញត្តិនេះ ឬអ្នកហៅមិនមានសិទ្ធិមើលសំណុំរឿង
api-list-sources-resp-200 = ប្រភពទាំងឡាយ
api-create-source-resp-201 = បានបន្ថែម `Location` គឺជា URL របស់វា
api-create-source-resp-201-location = URL នៃប្រភពថ្មី
api-create-source-resp-409 = សំណុំរឿងមានប្រភពដែលមានលេខសម្គាល់នេះរួចហើយ
api-create-source-resp-422 = ប្រភពមិនត្រឹមត្រូវទេ `field` ប្រាប់បញ្ហា
api-get-source-resp-200 = ប្រភព
api-get-case-status-param-as-of = `YYYY-MM-DD`៖ ស្ថានភាពដូចដែលវាមាននៅថ្ងៃនោះ តាមហេតុការណ៍ដែលអាចបានកើតឡើងមុនពេលនោះ (ហេតុការណ៍មួយរាប់ចាប់ពីថ្ងៃដំបូងដែលវាអាចបានកើតឡើង) និងការរកឃើញលើហេតុការណ៍ទាំងនោះ
api-get-case-status-resp-200 = ស្ថានភាពនៃការដាក់ឱ្យដំណើរការរបស់សំណុំរឿង
api-remove-translation-resp-200 = ភាសានៃកំណត់ត្រា ដូចដែលបានរក្សាទុកក្រោយការដកចេញ
api-remove-translation-resp-404 = គ្មានសំណុំរឿង ឬកំណត់ត្រានេះ គ្មានការបកប្រែជាភាសានោះ ឬអ្នកហៅមិនមានសិទ្ធិមើលវា
api-remove-translation-resp-422 = ប្រភេទដែលមិនស្គាល់ `field` ប្រាប់ឈ្មោះវា
api-list-translations-resp-200 = ភាសានៃសំណុំរឿង និងការបកប្រែនៃកំណត់ត្រារបស់វា
api-translate-record-resp-200 = ភាសានៃកំណត់ត្រា ដូចដែលបានរក្សាទុក
api-translate-record-resp-404 = គ្មានសំណុំរឿង ឬកំណត់ត្រានេះ ឬអ្នកហៅមិនមានសិទ្ធិមើលវា
api-translate-record-resp-422 = ការបកប្រែមិនត្រឹមត្រូវទេ (ស្លាកភាសាខុសទម្រង់ ឬភាសាដើមនៃកំណត់ត្រា វាលដែលប្រភេទនេះមិនបកប្រែ អត្ថបទទទេ កំណត់ត្រាដែលបានដាក់កម្រិត) `field` ប្រាប់បញ្ហាទីមួយ
api-set-original-language-resp-200 = ភាសា ដូចដែលវាមានឥឡូវនេះ
api-set-original-language-resp-403 = តួនាទីរបស់អ្នកហៅមិនអនុញ្ញាតឱ្យកែសម្រួលសំណុំរឿងទេ (ឬ សម្រាប់ភាសារបស់សំណុំរឿងខ្លួនឯង មិនអនុញ្ញាតឱ្យគ្រប់គ្រងវា)
api-set-original-language-resp-422 = ប្រភេទដែលមិនស្គាល់ ស្លាកខុសទម្រង់ ឬដែលមិនដាក់ឈ្មោះភាសាណាមួយដែលគេស្គាល់ ឬភាសាដែលកំណត់ត្រាមានការបកប្រែរួចហើយ `field` ប្រាប់ឈ្មោះវា
api-tag-translations = កំណត់ត្រាជាច្រើនភាសា៖ ភាសាដើមនៃកំណត់ត្រានីមួយៗ ការបកប្រែរបស់វា (អ្នកណា ពេលណា) និងការបកប្រែណាដែលហួសសម័យ
