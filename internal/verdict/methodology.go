package verdict

// LevelInfo is one level with its name and meaning in both languages.
type LevelInfo struct {
	Level Level `json:"level"`
	En    Text  `json:"en"`
	Ru    Text  `json:"ru"`
}

// RuleInfo is a rule as the methodology page shows it.
type RuleInfo struct {
	ID    string `json:"id"`
	Level Level  `json:"level"`
	// Scope is "item" for a rule about one collected item, "record" for a
	// rule about the record as a whole.
	Scope string `json:"scope"`
	En    Text   `json:"en"`
	Ru    Text   `json:"ru"`
}

// Note is one paragraph of the methodology about how rules combine.
type Note struct {
	ID string `json:"id"`
	En Text   `json:"en"`
	Ru Text   `json:"ru"`
}

// Rubric is the content of the methodology page, generated from the same
// rules Judge applies: the levels, every rule grouped by level (worst
// first, in the order of Rules), and the notes on how they combine.
type Rubric struct {
	Levels []LevelInfo `json:"levels"`
	Rules  []RuleInfo  `json:"rules"`
	Notes  []Note      `json:"notes"`
	// PrivateCategories are the taxonomy category ids the private-life
	// rules name; the page shows their labels from the taxonomy.
	PrivateCategories []string `json:"private_categories"`
}

// Methodology returns the rubric as data, for the renderer to lay out.
func Methodology() Rubric {
	rules := Rules()
	m := Rubric{Levels: levelTexts(), Notes: notes(), PrivateCategories: PrivateCategories()}
	for _, r := range rules {
		scope := "item"
		if r.Record != nil {
			scope = "record"
		}
		m.Rules = append(m.Rules, RuleInfo{ID: r.ID, Level: r.Level, Scope: scope, En: r.En, Ru: r.Ru})
	}
	return m
}

// levelTexts names and explains the levels, best first.
func levelTexts() []LevelInfo {
	return []LevelInfo{
		{Telemetry,
			Text{"Telemetry", "Data not tied to a person (sent anonymously or under an ID that changes), used only to make the product work, improve it or keep it secure, that can be stopped (the off switch works, or it is off until the person agrees) and that the vendor discloses."},
			Text{"Телеметрия", "Данные, не привязанные к человеку (анонимные или под сменяемым идентификатором), которые нужны только для работы продукта, его улучшения или защиты, которые можно остановить (отключение работает или сбор выключен, пока человек не согласится) и о которых производитель сообщает."}},
		{Grey,
			Text{"Grey zone", "Not shown to be spying, but short of telemetry: a fixed ID, analytics beyond fixing the product, a switch that works only in part or not at all, or facts no source has established."},
			Text{"Серая зона", "Слежка не доказана, но до телеметрии не дотягивает: постоянный идентификатор, аналитика сверх нужд продукта, отключение, которое работает частично или не работает вовсе, или факты, которых не устанавливает ни один источник."}},
		{Spying,
			Text{"Spying", "Data tied to a person, or collected to target them, or collected after they turned it off, or collected under a lasting identity without telling them."},
			Text{"Слежка", "Данные, привязанные к человеку, собранные, чтобы нацелиться на него, собранные после того, как он отключил сбор, или собранные под постоянным признаком без его ведома."}},
	}
}

// notes explains how the rules combine into a verdict.
func notes() []Note {
	return []Note{
		{"facts-only",
			Text{"Computed, not written", "Every verdict is computed by the build from the facts a record states: how the data is tied to the person, what it is for, what kind of data it is, whether it is on by default, whether turning it off works and whether it was disclosed. No editor writes a verdict, and this page is generated from the same rules the build applies."},
			Text{"Вычисляется, а не пишется", "Каждый вердикт вычисляется при сборке сайта из фактов записи: как данные связаны с человеком, зачем они нужны, что это за данные, включён ли сбор по умолчанию, работает ли отключение и сообщал ли о нём производитель. Вердикты не пишет никакой редактор, а эта страница создаётся из тех же правил, которые применяет сборка."}},
		{"worst-wins",
			Text{"The worst rule decides", "Each collected item gets the worst level among the rules that apply to it. An item is telemetry only when no grey or spying rule applies to it; the telemetry rules are listed too, so a verdict also says what is right."},
			Text{"Решает худшее правило", "Каждый вид собираемых данных получает худший уровень из правил, которые к нему применимы. Телеметрией он считается, только если не сработало ни одно правило серой зоны или слежки; правила телеметрии тоже перечислены, чтобы вердикт говорил и о том, что сделано правильно."}},
		{"alleged",
			Text{"Allegations are shown, not counted as proof", "Confirmed and reported claims count in full. A claim marked as alleged, which no source has confirmed, never makes a product spying by itself: its reasons are shown and marked as alleged, and the item counts at most as grey zone until a source confirms it."},
			Text{"Подозрения показываются, но не считаются доказательством", "Подтверждённые утверждения и утверждения из сообщений источников учитываются полностью. Утверждение с пометкой «не подтверждено», которое не подтвердил ни один источник, само по себе никогда не делает продукт слежкой: его причины показываются с этой пометкой, а сам вид данных относится самое большее к серой зоне, пока источник его не подтвердит."}},
		{"record",
			Text{"A product's verdict", "A product's verdict is the worst verdict of the items it collects. Its reasons are those of all its items, each naming the data it concerns."},
			Text{"Вердикт продукту", "Вердикт продукту — худший из вердиктов по видам данных, которые он собирает. Причины — все причины по этим видам данных, и в каждой названо, о каких данных речь."}},
		{"can-turn-off",
			Text{"Can be turned off", "A product can be turned off when everything it collects by default (or not known to be off) either has an off switch that works, or can be stopped by a way the record lists and that works: a firewall rule, a hosts entry or removing the component. A setting counts only as that item's own off switch, and giving up the product does not count."},
			Text{"Можно отключить", "Продукт можно отключить, если всё, что он собирает по умолчанию (или неизвестно, что не собирает), либо отключается работающим переключателем, либо останавливается описанным в записи и работающим способом: правилом брандмауэра, записью в hosts или удалением компонента. Настройка засчитывается только как собственный переключатель этого вида данных, а отказ от продукта не в счёт."}},
	}
}
