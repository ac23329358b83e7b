package search

import (
	"testing"
)

// fixtureEN is a small English site: chapter sections, vendor records and a
// category page, shaped like the documents internal/site produces.
func fixtureEN() []Doc {
	return []Doc{
		{
			URL: "/vendors/oneplus-oxygenos/", Type: "vendor", Title: "OnePlus OxygenOS",
			Where: "Vendor · Operating system", Headings: "OnePlus OxygenOS",
			Body: "OnePlus phones running OxygenOS reported device events to open.oneplus.net. " +
				"The reports carried the phone's serial number, the IMEI, the MAC address and the mobile network, " +
				"so every event could be tied to one handset and its owner. Serial numbers are identifiers.",
			Facets: map[string][]string{"kind": {"operating-system"}, "platform": {"android"}, "category": {"device-identifiers"}},
		},
		{
			URL: "/vendors/xiaomi-miui/", Type: "vendor", Title: "Xiaomi MIUI",
			Where: "Vendor · Operating system", Headings: "Xiaomi MIUI",
			Body:   "The MIUI browser and system apps sent browsing history to servers abroad, including in incognito mode.",
			Facets: map[string][]string{"kind": {"operating-system"}, "platform": {"android"}, "category": {"browsing-history"}},
		},
		{
			URL: "/vendors/mozilla-firefox/", Type: "vendor", Title: "Mozilla Firefox",
			Where: "Vendor · Browser", Headings: "Mozilla Firefox",
			Body: "Firefox sends technical and interaction data by default; a switch in the settings turns it off. " +
				"Numbers of open tabs and windows are counted.",
			Facets: map[string][]string{"kind": {"browser"}, "platform": {"windows", "macos", "linux", "android"}, "category": {"usage-statistics"}},
		},
		{
			URL: "/vendors/microsoft-windows-10/", Type: "vendor", Title: "Microsoft Windows 10",
			Where: "Vendor · Operating system", Headings: "Microsoft Windows 10",
			Body: "Windows 10 sends diagnostic data to Microsoft. The required level cannot be turned off in the Home edition. " +
				"A firewall rule or a hosts entry blocks some of it.",
			Facets: map[string][]string{"kind": {"operating-system"}, "platform": {"windows"}, "category": {"usage-statistics"}},
		},
		{
			URL: "/course/protecting-yourself/#block-it", Type: "chapter", Title: "Block it at the network",
			Where: "Course › Protecting yourself", Headings: "Protecting yourself",
			Body: "A firewall on the router or the computer stops the connections a setting does not. " +
				"Write a rule that drops traffic to the hosts a vendor record lists; a hosts file does the same for names.",
		},
		{
			URL: "/course/protecting-yourself/#settings", Type: "chapter", Title: "Use the settings first",
			Where: "Course › Protecting yourself", Headings: "Protecting yourself",
			Body: "Most products have a switch for diagnostic data. Turning it off is the first step, and the cheapest.",
		},
		{
			URL: "/course/what-devices-send/#identifiers", Type: "chapter", Title: "Identifiers that follow the device",
			Where: "Course › What devices send", Headings: "What devices send",
			Body: "A phone has numbers that never change: the IMEI, the serial, the MAC address. " +
				"Whoever receives one of them can link events over years.",
		},
		{
			URL: "/course/telemetry-or-spying/#difference", Type: "chapter", Title: "Telemetry or spying",
			Where: "Course › Telemetry or cyber spying?", Headings: "Telemetry or cyber spying?",
			Body: "Telemetry counts how a product is used without knowing who uses it. Spying ties the data to a person. " +
				"The number of crashes is telemetry; a crash report with your account name is not.",
		},
		{
			URL: "/categories/device-identifiers/", Type: "category", Title: "Device identifiers",
			Where: "Category", Headings: "Device identifiers",
			Body:   "Hardware identifiers such as a serial number, an IMEI or a MAC address identify one device for its whole life.",
			Facets: map[string][]string{"category": {"device-identifiers"}},
		},
		{
			URL: "/about/", Type: "page", Title: "About the atlas", Where: "Page", Headings: "About the atlas",
			Body: "Who writes the atlas, how records are checked, and how to send a correction.",
		},
	}
}

// fixtureRU is a small Russian site.
func fixtureRU() []Doc {
	return []Doc{
		{
			URL: "/ru/course/telemetry-or-spying/#difference", Type: "chapter", Title: "Телеметрия или слежка",
			Where: "Курс › Телеметрия или кибершпионаж?", Headings: "Телеметрия или кибершпионаж?",
			Body: "Телеметрия считает, как используется программа, и не знает, кто ей пользуется. Слежка связывает данные с человеком.",
		},
		{
			URL: "/ru/course/protecting-yourself/#settings", Type: "chapter", Title: "Сначала настройки",
			Where: "Курс › Как защититься", Headings: "Как защититься",
			Body: "Почти в каждой программе есть переключатель, который отключает отправку телеметрии. Начните с него.",
		},
		{
			URL: "/ru/course/protecting-yourself/#block-it", Type: "chapter", Title: "Блокировка в сети",
			Where: "Курс › Как защититься", Headings: "Как защититься",
			Body: "Брандмауэр на роутере останавливает соединения, которые не отключаются настройками. Файл hosts делает то же для имён.",
		},
		{
			URL: "/ru/vendors/oneplus-oxygenos/", Type: "vendor", Title: "OnePlus OxygenOS",
			Where: "Производитель · Операционная система", Headings: "OnePlus OxygenOS",
			Body:   "Телефоны OnePlus отправляли серийный номер и IMEI вместе с событиями на open.oneplus.net.",
			Facets: map[string][]string{"kind": {"operating-system"}, "platform": {"android"}},
		},
		{
			URL: "/ru/about/", Type: "page", Title: "Об атласе", Where: "Страница", Headings: "Об атласе",
			Body: "Кто пишет атлас и как прислать исправление.",
		},
	}
}

// build builds docs or fails the test.
func build(t testing.TB, docs []Doc, opt Options) (map[string][]byte, *Index) {
	t.Helper()
	files, url, err := Build(docs, opt)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	ix, err := Open(files, url)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return files, ix
}
