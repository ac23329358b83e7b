package verdict

import (
	"slices"
	"strings"

	"github.com/telemetry-atlas/atlas/internal/vendor"
)

// Text is a rule's or a level's title and explanation in one language,
// plain text.
type Text struct {
	Title       string `json:"title"`
	Explanation string `json:"explanation"`
}

// Rule is one test of the rubric. Exactly one of Item and Record is set.
type Rule struct {
	ID    string
	Level Level
	En    Text
	Ru    Text
	// Item reports whether the rule applies to one collected item.
	Item func(c vendor.Collection) bool
	// Record reports whether the rule applies to the record as a whole.
	Record func(r *vendor.Record) bool
	// Say words the reason for the items the rule applied to (none for a
	// record rule); Judge adds the names of the items in brackets.
	Say func(cs []vendor.Collection) (en, ru string)
}

// In returns the rule's text in lang, falling back to English.
func (r Rule) In(lang string) Text {
	if lang == "ru" && r.Ru.Title != "" {
		return r.Ru
	}
	return r.En
}

// The fact values the rules test, named once.
var (
	// tiedLinks name or single out the person for good.
	tiedLinks = []string{"identified", "pseudonymous"}
	// knownLinks are the link levels a source can establish.
	knownLinks = []string{"identified", "pseudonymous", "rotating", "anonymous"}
	// telemetryPurposes are what telemetry is for.
	telemetryPurposes = []string{"functionality", "product-improvement", "security"}
	// targetingPurposes are about the person rather than the product.
	targetingPurposes = []string{"advertising", "personalization", "third-party-sharing"}
	// statedPurposes are the purposes other than unknown.
	statedPurposes = []string{"functionality", "product-improvement", "analytics", "security",
		"personalization", "advertising", "third-party-sharing"}
	// privateCategories are about a person's own life rather than the
	// product or the device: what they search, read, watch, type or say,
	// whom they talk to, where exactly they are.
	privateCategories = []string{"search-queries", "browsing-history", "contacts", "communications",
		"files", "keystrokes", "precise-location", "viewing-history"}
)

// PrivateCategories returns the ids of the taxonomy categories the
// private-life rules treat as a person's own activity or content.
func PrivateCategories() []string { return slices.Clone(privateCategories) }

// optIn reports whether the item is off until the person agrees.
func optIn(c vendor.Collection) bool { return c.Default == "off" || c.Default == "asked" }

func in(v string, set []string) bool { return slices.Contains(set, v) }

func anyIn(vs, set []string) bool {
	for _, v := range vs {
		if in(v, set) {
			return true
		}
	}
	return false
}

// fixed returns a Say that always says the same.
func fixed(en, ru string) func([]vendor.Collection) (string, string) {
	return func([]vendor.Collection) (string, string) { return en, ru }
}

// targeting words the targeting purposes of the items, in taxonomy order.
func targeting(cs []vendor.Collection) (string, string) {
	words := map[string][2]string{
		"advertising":         {"used for advertising", "используется для рекламы"},
		"personalization":     {"used to personalise what you are shown", "используется для подбора содержимого под вас"},
		"third-party-sharing": {"shared with other companies", "передаётся другим компаниям"},
	}
	var en, ru []string
	for _, p := range targetingPurposes {
		for _, c := range cs {
			if in(p, c.Purposes) {
				en, ru = append(en, words[p][0]), append(ru, words[p][1])
				break
			}
		}
	}
	return strings.Join(en, " and "), strings.Join(ru, " и ")
}

// Rules returns the rubric: every rule, worst level first. Judge applies all
// of them; the methodology page lists them in this order.
func Rules() []Rule {
	return []Rule{
		// Spying: tied to a person, used to target them, going on against
		// their choice, or hidden from them.
		{
			ID: "tied-to-you", Level: Spying,
			En: Text{"Tied to you",
				"The data is sent with your name, account, email address, phone number, serial number or another value that names you or your device for good. Data that names a person is spying, whatever it is said to be for."},
			Ru: Text{"Привязано к вам",
				"Данные уходят вместе с именем, аккаунтом, адресом почты, номером телефона, серийным номером или другим постоянным признаком, который указывает на вас или ваше устройство. Данные, указывающие на человека, — это слежка, для чего бы их ни собирали."},
			Item: func(c vendor.Collection) bool { return c.Linked == "identified" },
			Say:  fixed("tied to you", "привязано к вам"),
		},
		{
			ID: "targets-you", Level: Spying,
			En: Text{"Used to target you",
				"Data tied to you or to an ID that never changes is used for advertising, to personalise what you are shown, or is passed to other companies: it is collected about the person, not to improve the product."},
			Ru: Text{"Используется, чтобы нацелиться на вас",
				"Данные, привязанные к вам или к неизменному идентификатору, идут на рекламу, на подбор содержимого под вас или передаются другим компаниям. Их собирают о человеке, а не ради улучшения продукта."},
			Item: func(c vendor.Collection) bool { return in(c.Linked, tiedLinks) && anyIn(c.Purposes, targetingPurposes) },
			Say:  targeting,
		},
		{
			ID: "private-life-profile", Level: Spying,
			En: Text{"Your private life under a fixed ID",
				"What you search, read, watch, type or say, whom you talk to, your files or where exactly you are, kept under an identifier that never changes: that is a profile of a person, even without a name."},
			Ru: Text{"Личная жизнь под постоянным ID",
				"Что вы ищете, читаете, смотрите, набираете или говорите, с кем общаетесь, ваши файлы или точное местоположение — под идентификатором, который не меняется. Это профиль человека, даже если имени в нём нет."},
			Item: func(c vendor.Collection) bool { return c.Linked == "pseudonymous" && in(c.Category, privateCategories) },
			Say:  fixed("your private activity kept under a fixed ID", "ваши личные данные под постоянным ID"),
		},
		{
			ID: "ignores-off-switch", Level: Spying,
			En: Text{"Goes on after being turned off",
				"Sources show the collection continues after the person turned it off: their choice is not respected, whatever the data is."},
			Ru: Text{"Продолжается после отключения",
				"Источники показывают, что сбор продолжается после того, как человек его отключил: его выбор не соблюдается, какими бы ни были данные."},
			Item: func(c vendor.Collection) bool { return c.OffSwitch == "ignored" },
			Say:  fixed("goes on after being turned off", "продолжается после отключения"),
		},
		{
			ID: "undisclosed-tied", Level: Spying,
			En: Text{"Never disclosed",
				"Data tied to you or to an ID that never changes was collected without the vendor telling users; others found it."},
			Ru: Text{"Скрыто от вас",
				"Данные, привязанные к вам или к неизменному идентификатору, собирались без предупреждения от производителя; это обнаружили другие."},
			Item: func(c vendor.Collection) bool { return c.Disclosed == "undisclosed" && in(c.Linked, tiedLinks) },
			Say:  fixed("never disclosed", "о сборе не сообщалось"),
		},

		// Grey: not shown to be spying, but missing something telemetry needs.
		{
			ID: "fixed-id", Level: Grey,
			En: Text{"Under a fixed ID",
				"The identifier does not name you but never changes, so a profile builds up over time and can be tied to you later."},
			Ru: Text{"Под постоянным ID",
				"Идентификатор вас не называет, но и не меняется, поэтому со временем копится профиль, который потом можно связать с вами."},
			Item: func(c vendor.Collection) bool { return c.Linked == "pseudonymous" },
			Say:  fixed("under an ID that never changes", "под неизменным ID"),
		},
		{
			ID: "link-unknown", Level: Grey,
			En: Text{"Not known whether tied to you",
				"No source says how the data is tied to the person, so it cannot be counted as telemetry."},
			Ru: Text{"Неизвестно, привязано ли к вам",
				"Ни один источник не говорит, связаны ли данные с человеком, поэтому считать их телеметрией нельзя."},
			Item: func(c vendor.Collection) bool { return !in(c.Linked, knownLinks) },
			Say:  fixed("no source says whether it is tied to you", "неизвестно, привязано ли к вам"),
		},
		{
			ID: "targeting-untied", Level: Grey,
			En: Text{"Used for targeting, without a fixed ID",
				"The data is used for advertising or personalisation or shared with other companies, but it is sent anonymously, under an ID that changes, or with no known link to the person."},
			Ru: Text{"Для рекламы, но без постоянного ID",
				"Данные идут на рекламу, на подбор содержимого или передаются другим компаниям, но отправляются анонимно, под сменяемым идентификатором или неизвестно как связаны с человеком."},
			Item: func(c vendor.Collection) bool {
				return !in(c.Linked, tiedLinks) && anyIn(c.Purposes, targetingPurposes)
			},
			Say: targeting,
		},
		{
			ID: "private-content", Level: Grey,
			En: Text{"Your own activity, even without an ID",
				"What you search, read, watch, type or say, whom you talk to, your files or where exactly you are is sent: even with no identifier such data can point to a person."},
			Ru: Text{"Ваши действия, пусть и без ID",
				"Отправляется то, что вы ищете, читаете, смотрите, набираете или говорите, с кем общаетесь, ваши файлы или точное местоположение. Такие данные могут указать на человека и без идентификатора."},
			Item: func(c vendor.Collection) bool {
				return (c.Linked == "anonymous" || c.Linked == "rotating") && in(c.Category, privateCategories)
			},
			Say: fixed("sends your own activity or content", "передаёт ваши действия или содержимое"),
		},
		{
			ID: "analytics", Level: Grey,
			En: Text{"Analytics beyond fixing the product",
				"Statistics about users and their behaviour go further than finding bugs and deciding what to build next."},
			Ru: Text{"Аналитика сверх нужд продукта",
				"Статистика о пользователях и их поведении выходит за рамки поиска ошибок и планирования новых функций."},
			Item: func(c vendor.Collection) bool { return in("analytics", c.Purposes) },
			Say:  fixed("used for usage analytics", "используется для аналитики поведения"),
		},
		{
			ID: "purpose-unknown", Level: Grey,
			En: Text{"Purpose not stated",
				"The vendor does not say what the data is for, or the collection was found rather than announced."},
			Ru: Text{"Цель не указана",
				"Производитель не объясняет, зачем нужны данные, или сбор обнаружили со стороны, а не узнали из объявления."},
			Item: func(c vendor.Collection) bool {
				if len(c.Purposes) == 0 {
					return true
				}
				for _, p := range c.Purposes {
					if !in(p, statedPurposes) {
						return true
					}
				}
				return false
			},
			Say: fixed("purpose not stated", "цель не указана"),
		},
		{
			ID: "partial-off-switch", Level: Grey,
			En: Text{"The off switch works only in part",
				"It is on by default (or not known to be off), and turning it off stops only part of the collection."},
			Ru: Text{"Отключение работает частично",
				"Сбор включён по умолчанию (или неизвестно, что выключен), а отключение останавливает только его часть."},
			Item: func(c vendor.Collection) bool { return c.OffSwitch == "partial" && !optIn(c) },
			Say:  fixed("turning it off stops only part of it", "отключение останавливает только часть"),
		},
		{
			ID: "no-off-switch", Level: Grey,
			En: Text{"Cannot be turned off",
				"It is on by default (or not known to be off), and the product offers no way to turn it off."},
			Ru: Text{"Отключить нельзя",
				"Сбор включён по умолчанию (или неизвестно, что выключен), а способа отключить его продукт не даёт."},
			Item: func(c vendor.Collection) bool { return c.OffSwitch == "none" && !optIn(c) },
			Say:  fixed("on, with no way to turn it off", "включено, и отключить нельзя"),
		},
		{
			ID: "off-switch-unknown", Level: Grey,
			En: Text{"Not known whether it can be turned off",
				"It is on by default (or not known to be off), and no source says whether turning it off stops it."},
			Ru: Text{"Неизвестно, можно ли отключить",
				"Сбор включён по умолчанию (или неизвестно, что выключен), и ни один источник не говорит, останавливает ли его отключение."},
			Item: func(c vendor.Collection) bool {
				return !in(c.OffSwitch, []string{"works", "partial", "ignored", "none"}) && !optIn(c)
			},
			Say: fixed("no source says whether turning it off works", "неизвестно, работает ли отключение"),
		},
		{
			ID: "undisclosed", Level: Grey,
			En: Text{"Not disclosed",
				"The vendor did not tell users about the collection, although the data is not shown to be tied to a person or a fixed ID."},
			Ru: Text{"Не раскрыто",
				"Производитель не сообщал пользователям о сборе, хотя связь данных с человеком или постоянным идентификатором не показана."},
			Item: func(c vendor.Collection) bool { return c.Disclosed == "undisclosed" && !in(c.Linked, tiedLinks) },
			Say:  fixed("not disclosed by the vendor", "производитель об этом не сообщал"),
		},
		{
			ID: "disclosure-unknown", Level: Grey,
			En: Text{"Not known whether disclosed",
				"No source says whether the vendor told users about the collection."},
			Ru: Text{"Неизвестно, раскрыто ли",
				"Ни один источник не говорит, сообщал ли производитель пользователям о сборе."},
			Item: func(c vendor.Collection) bool { return c.Disclosed != "documented" && c.Disclosed != "undisclosed" },
			Say:  fixed("no source says whether it was disclosed", "неизвестно, сообщал ли об этом производитель"),
		},
		{
			ID: "nothing-recorded", Level: Grey,
			En: Text{"Nothing recorded",
				"The record lists no collected data, so nothing shows the product keeps to telemetry."},
			Ru: Text{"Сбор не описан",
				"В записи не указано ни одного вида собираемых данных, поэтому ничто не показывает, что продукт ограничивается телеметрией."},
			Record: func(r *vendor.Record) bool { return len(r.Collects) == 0 },
			Say:    fixed("the record lists nothing collected", "в записи не указано, что собирается"),
		},

		// Telemetry: the facts that make an item telemetry. They are reasons
		// of their own, so a verdict also says what is right.
		{
			ID: "anonymous", Level: Telemetry,
			En: Text{"Sent anonymously",
				"The data carries no identifier, or is aggregated before it leaves the device, so no profile of one person can be built from it."},
			Ru: Text{"Отправляется анонимно",
				"Данные не несут идентификатора или объединяются ещё на устройстве, поэтому профиль одного человека из них не собрать."},
			Item: func(c vendor.Collection) bool { return c.Linked == "anonymous" },
			Say:  fixed("sent anonymously", "отправляется анонимно"),
		},
		{
			ID: "rotating-id", Level: Telemetry,
			En: Text{"Under an ID that changes",
				"The identifier changes every session or after a short time, so reports can be linked only briefly and no lasting profile builds up."},
			Ru: Text{"Под сменяемым ID",
				"Идентификатор меняется в каждой сессии или через короткое время: отчёты связываются лишь ненадолго, и постоянный профиль не складывается."},
			Item: func(c vendor.Collection) bool { return c.Linked == "rotating" },
			Say:  fixed("under an ID that changes often", "под часто сменяемым ID"),
		},
		{
			ID: "improves-product", Level: Telemetry,
			En: Text{"Only to run, improve or secure the product",
				"Every stated purpose is making a feature work, improving the product or security: what telemetry is for."},
			Ru: Text{"Только для работы, улучшения и защиты",
				"Все заявленные цели — работа функции, улучшение продукта или безопасность, то есть ровно то, ради чего существует телеметрия."},
			Item: func(c vendor.Collection) bool {
				if len(c.Purposes) == 0 {
					return false
				}
				for _, p := range c.Purposes {
					if !in(p, telemetryPurposes) {
						return false
					}
				}
				return true
			},
			Say: fixed("used only to run, improve or secure the product", "используется только для работы, улучшения или защиты продукта"),
		},
		{
			ID: "off-by-default", Level: Telemetry,
			En: Text{"Off unless you turn it on",
				"Nothing is sent until the person turns it on, and no source says it goes on after being turned off."},
			Ru: Text{"Выключено, пока вы не включите",
				"Ничего не отправляется, пока человек сам не включит сбор, и ни один источник не говорит, что он продолжается после отключения."},
			Item: func(c vendor.Collection) bool { return c.Default == "off" && c.OffSwitch != "ignored" },
			Say:  fixed("off unless you turn it on", "выключено, пока вы сами не включите"),
		},
		{
			ID: "asks-first", Level: Telemetry,
			En: Text{"Asks first",
				"The product asks before it starts collecting, and no source says it goes on after being refused or turned off."},
			Ru: Text{"Сначала спрашивает",
				"Продукт спрашивает разрешения, прежде чем начать сбор, и ни один источник не говорит, что сбор идёт после отказа или отключения."},
			Item: func(c vendor.Collection) bool { return c.Default == "asked" && c.OffSwitch != "ignored" },
			Say:  fixed("asks before collecting", "спрашивает разрешения перед сбором"),
		},
		{
			ID: "off-switch-works", Level: Telemetry,
			En: Text{"The off switch works",
				"Turning it off in the product stops the collection."},
			Ru: Text{"Отключение работает",
				"Если выключить сбор в самом продукте, он действительно прекращается."},
			Item: func(c vendor.Collection) bool { return c.OffSwitch == "works" },
			Say:  fixed("turning it off stops it", "отключение его останавливает"),
		},
		{
			ID: "disclosed", Level: Telemetry,
			En: Text{"Disclosed",
				"The vendor describes the collection in its documentation or privacy notice."},
			Ru: Text{"Раскрыто",
				"Производитель описывает сбор в документации или в политике конфиденциальности."},
			Item: func(c vendor.Collection) bool { return c.Disclosed == "documented" },
			Say:  fixed("disclosed by the vendor", "производитель это описывает"),
		},
	}
}
