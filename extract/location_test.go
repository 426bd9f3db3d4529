package extract

import (
	"fmt"
	"testing"
)

// locString writes a location as country/nation/region/county/place/remote for table tests.
func (e *Extractor) locString(text string) string {
	l, _ := e.ParseLocation(text)
	return fmt.Sprintf("%s/%s/%s/%s/%s/%v", l.Country, l.Nation, l.Region, l.County, l.Place, l.Remote)
}

// locCase is a location text and the location it should give, written by locString.
type locCase struct{ name, in, want string }

// checkLocations runs a table of location texts through ParseLocation.
func checkLocations(t *testing.T, e *Extractor, tests []locCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := e.locString(tc.in); got != tc.want {
				t.Errorf("ParseLocation(%q) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}

// TestParseLocationGB covers GB towns that share a name, settled by the county, postcode or size.
func TestParseLocationGB(t *testing.T) {
	e := newTestExtractor(t)
	tests := []locCase{
		// The county and postcode beside a town outrank a bigger namesake.
		{"county beats bigger namesake", "Newport, Isle of Wight, PO30 5TG", "GB/England/South East/Isle of Wight/Newport/false"},
		{"postcode area beats bigger namesake", "Newport IOW, PO30 5TG", "GB/England/South East/Isle of Wight/Newport/false"},
		{"county settles Newport in England", "Newport, Shropshire", "GB/England/West Midlands/Telford and Wrekin/Newport/false"},
		{"bare Newport is the city", "Newport", "GB/Wales/Wales/Newport/Newport/false"},
		{"Newport in Wales by county", "Newport, Gwent", "GB/Wales/Wales/Newport/Newport/false"},
		// River towns by their short name or the other preposition, the county deciding.
		{"Newark beside its county", "Newark, Nottinghamshire", "GB/England/East Midlands/Nottinghamshire/Newark-on-Trent/false"},
		{"Burton On Trent", "Burton On Trent, Staffordshire", "GB/England/West Midlands/Staffordshire/Burton upon Trent/false"},
		{"a county keeps a small namesake", "Burton, Lincolnshire", "GB/England/East Midlands/Lincolnshire/Burton/false"},
		{"bare Stoke is the city", "Stoke", "GB/England/West Midlands/Stoke-on-Trent/Stoke-on-Trent/false"},
		{"Stratford stays in London", "Stratford", "GB/England/London/Greater London/Stratford/false"},
		// A postcode area that lies in one region settles it.
		{"postcode area region", "Southend, SS0", "GB/England/East of England/Southend-on-Sea/Southend-on-Sea/false"},
		{"postcode area beats a town elsewhere", "Whittington, N19 5NF", "GB/England/London///false"},
		{"split postcode area alone settles nothing finer", "Wyke, BD12 8LR", "GB/England/Yorkshire and The Humber///false"},
		{"short name of a seaside town", "Southend, Essex", "GB/England/East of England/Southend-on-Sea/Southend-on-Sea/false"},
		{"village in a longer phrase with its county", "St Leonards On Sea , East Sussex", "GB/England/South East/East Sussex/St Leonards/false"},
		{"village named by its county", "Milford, Surrey", "GB/England/South East/Surrey/Milford/false"},
		// London towns under the home county of their postal address.
		{"London borough town in Essex", "Barking, Essex", "GB/England/London/Greater London/Barking/false"},
		{"London borough town in Surrey", "Wallington, Surrey", "GB/England/London/Greater London/Wallington/false"},
		{"home county town stays", "Chelmsford, Essex", "GB/England/East of England/Essex/Chelmsford/false"},
		// Size decides a bare name.
		{"bare Richmond is the London one", "Richmond", "GB/England/London/Greater London/Richmond upon Thames/false"},
		{"Richmond named by county", "Richmond, North Yorkshire", "GB/England/Yorkshire and The Humber/North Yorkshire/Richmond/false"},
		{"Richmond named by state", "Richmond, VA", "US//Virginia//Richmond/false"},
		{"bare Boston is the US city", "Boston", "US//Massachusetts//Boston/false"},
		{"Boston named by county", "Boston, Lincolnshire", "GB/England/East Midlands/Lincolnshire/Boston/false"},
		{"Wales alone is the nation", "Wales", "GB/Wales/Wales///false"},
	}
	checkLocations(t, e, tests)
}

// TestParseLocationCountry covers a town qualified by its country, in full or by its ISO code: the
// country restricts the town, and a town the gazetteer does not know still gives the country.
func TestParseLocationCountry(t *testing.T) {
	e := newTestExtractor(t)
	tests := []locCase{
		{"country restricts a town shared with a bigger one", "Cambridge, USA", "US//Massachusetts//Cambridge/false"},
		{"country in brackets", "Cambridge (USA)", "US//Massachusetts//Cambridge/false"},
		{"country keeps the bigger namesake at home", "Cambridge, United Kingdom", "GB/England/East of England/Cambridgeshire/Cambridge/false"},
		{"county still settles a town before the country", "Newport, Isle of Wight, UK", "GB/England/South East/Isle of Wight/Newport/false"},
		{"unknown town gives the country", "Crystal Valley - Lake Crystal, USA", "US/////false"},
		{"list of countries sets no country for all", "Geneva, Zurich, San Francisco, Prague, Macedonia, Lithuania", "US//California//San Francisco/false"},
		{"ISO code after a town of that country", "Wellington, NZ", "NZ////Wellington/false"},
		// A code that is both a state's and a country's: the country only for a town it has and the
		// state has not.
		{"Canada's code after a Canadian city", "Toronto, CA", "CA////Toronto/false"},
		{"Germany's code after a German city", "Berlin, DE", "DE////Berlin/false"},
		{"California's code after a Californian town", "Valencia, CA", "US//California//Valencia/false"},
		{"unknown town stays in the state", "Springfieldia, CA", "US//California//Springfieldia/false"},
	}
	checkLocations(t, e, tests)
}

// TestLocationFromTitle covers titles and first lines of posts ("Acme | Senior Engineer | San
// Francisco, CA or Remote"): places joined by "or" and "and", longer phrases, codes that are words,
// provinces, the first place named, and company names that are places.
func TestLocationFromTitle(t *testing.T) {
	e := newTestExtractor(t)
	tests := []struct {
		name, title, want string // want: country/region/place
	}{
		{"places joined by or", "Adobe | Senior Engineer | San Francisco or San Jose | Full-time", "US/California/San Francisco"},
		{"town state pairs joined by or", "iRobot: Boston, MA or Pasadena, CA; ONSITE only.", "US/Massachusetts/Boston"},
		{"code after and", "Burnside Digital - Portland, OR and Los Angeles, CA", "US/Oregon/Portland"},
		{"place in a sentence", "London. Full-time. REMOTE is okay if within easy commute to London.", "GB/London/London"},
		{"country in a sentence", "Bangalore, India. Many Positions. Full time.", "IN//Bangalore"},
		{"town state in a sentence", "Below are our current openings in Cambridge, MA. If you are interested", "US/Massachusetts/Cambridge"},
		{"town and country", "NASA Astrophysics Data System | http://ads.harvard.edu/ | Cambridge, USA | Onsite", "US/Massachusetts/Cambridge"},
		{"town and country in brackets", "Toronto (Canada) - GroupBy Inc - http://groupbyinc.com", "CA//Toronto"},
		{"word town and country", "NVIDIA | Front-End Web Developer | Reading, United Kingdom | ONSITE", "GB/South East/Reading"},
		{"unknown town and country", "Crystal Valley - Lake Crystal, USA", "US//"},
		{"country code that is a state's", "The Working Group - Toronto, CA - ONSITE - http://twg.ca", "CA//Toronto"},
		{"country code that is a word state's", "Babajob | Bangalore, IN | Senior JavaScript Engineer", "IN//Bangalore"},
		{"code that is a word before its country", "Veer West (FormAssembly.com) - Bloomington, IN USA - REMOTE OK", "US/Indiana/Bloomington"},
		{"country qualifies only the town before", "Intercom | San Francisco and Dublin, Ireland", "US/California/San Francisco"},
		{"city state in a list is no qualifier", "Nitrous.io | On Site (SF or Singapore) | Full Time", "US/California/San Francisco"},
		{"country list is no qualifier", "Compose | Remote (Canada, US, UK)", "CA//"},
		{"code before a word", "Futuri Media | Cleveland, OH ONSITE | Web Developers", "US/Ohio/Cleveland"},
		{"code with a full stop", "MTD Products - near Cleveland, OH.", "US/Ohio/Cleveland"},
		{"world city", "Cringle | Berlin Kreuzberg | Senior Full Stack Developer", "DE//Berlin"},
		{"province code", "Wealthsimple - Toronto, ON", "CA/Ontario/Toronto"},
		{"London in Ontario", "Acme | London, ON | Onsite", "CA/Ontario/London"},
		{"London in the UK", "Acme | London, UK | Onsite", "GB/London/London"},
		{"town unknown in a province", "factor[e] | Senior web developer | Hamilton, Ontario, Canada", "CA/Ontario/Hamilton"},
		{"first place named", "Amazon | Seattle; San Francisco | Onsite", "US/Washington/Seattle"},
		{"first place named in a list", "Acme | SF, LA, London, Seattle", "US/California/San Francisco"},
		{"country beside a later place only", "San Francisco, Atlanta and Sheffield UK. Distributed team", "US/California/San Francisco"},
		{"company named after a town", "Alva Technologies | Backend Developer | Oslo, Norway | Full time", "NO//Oslo"},
		{"company named after a small town", "Braintree -- Chicago, San Francisco. We'll pay for relocation.", "US/Illinois/Chicago"},
		{"small town first and alone", "Braintree | Care Assistant | Full-time", "GB/East of England/Braintree"},
		{"city first beats a later one", "Leeds | Acme | Chicago", "GB/Yorkshire and The Humber/Leeds"},
		{"state name that is a city", "Acme | Seattle, Chicago, New York", "US/Washington/Seattle"},
		{"city before a state that is a city", "AlphaSights | London, New York, Remote", "GB/London/London"},
		{"city before a state without it", "Clover Health | San Francisco, New Jersey | ONSITE", "US/California/San Francisco"},
		{"town the state has", "Vet's First Choice | Lead Developer | Portland, Maine | ONSITE", "US/Maine/Portland"},
		{"town the state has, named like a world city", "Acme | Paris, Texas | Onsite", "US/Texas/Paris"},
		{"town known only as a town in a state that is a city", "Acme | Yonkers, New York | Onsite", "US/New York/Yonkers"},
		{"big city before a state that is a city, with a small town of its name", "ITG | Boston, New York and Los Angeles | Onsite", "US/Massachusetts/Boston"},
		{"town in a province named like a GB city", "Acme | Cambridge, Ontario | Onsite", "CA/Ontario/Cambridge"},
		{"town in a province named like London", "Acme | London, Ontario | Onsite", "CA/Ontario/London"},
		{"first of places between full stops", "Matasano Security - Chicago. New York City. Sunnyvale.", "US/Illinois/Chicago"},
		{"abbreviation with dots is no full stop", "Acme | Washington D.C. Onsite", "US/District of Columbia/Washington"},
		{"short abbreviation is no full stop", "Acme - Ft. Lauderdale, FL", "US/Florida/Fort Lauderdale"},
		{"town in DC", "US House of Representatives Office of the CAO | Washington, DC | Full Time", "US/District of Columbia/Washington"},
		{"town and province joined by or is no pair", "Bentley Systems | Developer | Paris, Sophia Antipolis or Québec | Full time", "FR//Paris"},
		{"town shared with a big city", "Piestar | Senior Web Developer | Manhattan, KS | ONSITE", "US/Kansas/Manhattan"},
		{"hyphens join the heading", "Expensify-San Francisco, CA-Fulltime, Programmer Extraordinaire", "US/California/San Francisco"},
		{"hyphens join words", "Appboy-Mobile Developers-New York-Onsite", "US/New York/New York"},
		{"possessive", "Euclid Inc - San Francisco's Mission District, Four full-time Positions", "US/California/San Francisco"},
		{"hyphens inside a town's name", "Acme | Stoke-on-Trent | Full-Time", "GB/West Midlands/Stoke-on-Trent"},
		{"hyphen inside a word in capitals", "Outward Inc | ON-SITE | Downtown San Jose, California", "US/California/San Jose"},
		// Negatives: codes that are words, and nothing.
		{"OK is no state", "Acme | Remote OK | Visa OK", "//"},
		{"ON SITE is no province", "Acme | ON SITE | Full-time", "//"},
		{"no place", "Acme | Senior Engineer | Full-time", "//"},
		{"country code after a word is nothing", "Acme | Senior Engineer, IT | Full-time", "//"},
	}
	var cases []textCase
	for _, tc := range tests {
		cases = append(cases, textCase{tc.name, tc.title, tc.title, tc.want})
	}
	checkFromText(t, e, cases)
}

// TestLocationFromDescription covers posts whose heading names no place: the next lines of the
// description, and the place after the words that introduce an office.
func TestLocationFromDescription(t *testing.T) {
	e := newTestExtractor(t)
	tests := []textCase{
		{"second line", "Helpshift", "Helpshift\nSan Francisco, CA | BizDev\nWe build support tools.", "US/California/San Francisco"},
		{"blank lines skipped", "Glowforge", "Glowforge\n\n\nSeattle, WA (onsite) / Full-time", "US/Washington/Seattle"},
		{"office cue", "Lynk", "Lynk\nWe build messaging.\nWe ship every week and care about craft and tests and more and more.\nMore words here to pass the first lines.\nThe job is based out of our San Francisco office.", "US/California/San Francisco"},
		{"-based", "Peek", "Peek is hiring, so come join our awesome, San Francisco-based team!", "US/California/San Francisco"},
		{"based in a country", "Acme", "Acme\nWe are a small team.\nWe like tests.\nWe like Go.\nWe are based in Berlin, Germany.", "DE//Berlin"},
		{"town state further on", "Acme", "Acme\nWe build things.\nWe like Go.\nWe like tests.\nWe like people.\nApply to our Westlake, OH team today.", "US/Ohio/Westlake"},
		{"relocation is no location label", "Localize | Senior Javascript Engineer | San Francisco (SF) | Full-Time",
			"We build tools.\nRelocation: Financial assistance, TN visa, H1B.", "US/California/San Francisco"},
		{"quoted label is no location label", "Acme - Bedford, MA", "Acme - Bedford, MA\nThe jobs say \"Job Location: US\" (as opposed to our Bedford, MA ones).", "US/Massachusetts/Bedford"},
		{"bulleted label", "Engineer", "About us.\n- Location: Leeds\nMore.", "GB/Yorkshire and The Humber/Leeds"},
		{"code that is a word further on", "Acme", "Acme\nWe build things.\nWe like Go.\nWe like tests.\nWe like people.\nRemote, OK for the right person.", "//"},
		// A heading that names only a country: a short line after it names the town in it; the
		// first line still wins when it names one.
		{"country refined by a later heading line", "Ruby on Rails Developer",
			"Ruby on Rails Developer\nU.S. only - remote available depending on experience)\n20spokes - Chicago,IL\nWho we are", "US/Illinois/Chicago"},
		{"title's country refined by the next line", "Acme | USA | Full-time", "Acme | USA | Full-time\nNew York, NY | Onsite\nWe build things.", "US/New York/New York"},
		{"country path in a heading line", "C++ Engineer", "C++ Engineer\nEurope/Hungary/Budapest\nFull-time / no remote work / relocation supported", "HU//Budapest"},
		{"first line's place wins", "Acme | Boston, MA", "Acme | Boston, MA\nChicago, IL\nWe build things.", "US/Massachusetts/Boston"},
		{"town in prose is no refinement", "Acme | Australia | Remote",
			"Acme | Australia | Remote\nMy name's Dayne, I'm a programmer currently living in Canberra, Australia, and last year I started this.", "AU//"},
		{"town in another country is no refinement", "Acme | USA | Remote", "Acme | USA | Remote\nLondon office | Onsite\nWe build things.", "US//"},
		// A place before "-based" in prose, beside the office cues, earliest first.
		{"code before -based past the heading", "WayUp is changing the way people find jobs",
			"WayUp is changing the way people find jobs. We're a mission-driven organization and you will be absolutely critical to our long-term success. You enjoy working on a team but also get a thrill out of creating something, and you'll be part of our NY-based engineering team.",
			"US/New York/New York"},
		{"-based before an office cue", "Acme", "Acme\nWe build things.\nWe like Go.\nWe like tests.\nWe are a London-based team with offices in Berlin.", "GB/London/London"},
		{"office cue before -based", "Acme", "Acme\nWe build things.\nWe like Go.\nWe like tests.\nOur offices in Berlin are new. Our London-based sales team is not.", "DE//Berlin"},
		{"web-based is no place", "Acme", "Acme\nWe build things.\nWe like Go.\nWe like tests.\nOur web-based, cloud-based and Java-based tools.", "//"},
		{"capitalised word before -based is no place", "Acme", "Acme\nWe build things.\nWe like Go.\nWe like tests.\nCloud-based tools. Android-based phones.", "//"},
		{"small town before -based is no place", "Acme", "Acme\nWe build things.\nWe like Go.\nWe like tests.\nWe are a Lancaster-based team.", "//"},
		// "Town,ST" without the space counts for a town known in that state.
		{"town state without the space further on", "Acme", "Acme\nWe build things.\nWe like Go.\nWe like tests.\nWe like people.\nOur team sits in the heart of Chicago,IL near the river.", "US/Illinois/Chicago"},
		{"unknown town state without the space is nothing", "Acme", "Acme\nWe build things.\nWe like Go.\nWe like tests.\nWe like people.\nWe use Springfieldia,CA tools.", "//"},
		{"unknown town state with the space", "Acme", "Acme\nWe build things.\nWe like Go.\nWe like tests.\nWe like people.\nOur office: Springfieldia, CA near the river.", "US/California/Springfieldia"},
		// Negatives: a description that names no place, and a small town in prose.
		{"no place", "Acme", "Acme\nWe build things.\nWe like Go and tests.", "//"},
		{"small town in prose is no place", "Acme", "Acme\nWe are based in a small town.", "//"},
	}
	checkFromText(t, e, tests)
}

// textCase is an ad's title and description and the location they should give (country/region/place).
type textCase struct{ name, title, desc, want string }

// checkFromText runs a table of titles and descriptions through locationFromText.
func checkFromText(t *testing.T, e *Extractor, tests []textCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l, _ := e.locationFromText(tc.title, tc.desc, lowerASCII(tc.desc))
			if got := fmt.Sprintf("%s/%s/%s", l.Country, l.Region, l.Place); got != tc.want {
				t.Errorf("locationFromText(%q, %q) = %s, want %s", tc.title, tc.desc, got, tc.want)
			}
		})
	}
}

// TestPlacesIn covers listing every place a heading names, for eval's named-place rule.
func TestPlacesIn(t *testing.T) {
	e := newTestExtractor(t)
	tests := []struct {
		name, in string
		want     []string // country/region/place
	}{
		{"town state pairs", "Tapjoy | Boston, MA; San Francisco, CA; Atlanta, GA | Onsite",
			[]string{"US/Massachusetts/Boston", "US/California/San Francisco", "US/Georgia/Atlanta"}},
		{"list with or", "Acme | NYC or London | Full-time", []string{"US/New York/New York", "GB/London/London"}},
		{"town and country as one", "Acme | Cambridge, USA | Toronto (Canada)", []string{"US/Massachusetts/Cambridge", "CA//Toronto"}},
		{"no place", "Acme | Senior Engineer | Remote OK", nil},
		// A big place before a state's name that has no town of its name is a list of two places.
		{"city then a state that is a city", "Arachnys | Frontend, backend and data engineers | London, New York",
			[]string{"GB/London/London", "US/New York/New York"}},
		{"city, state that is a city, remote", "AlphaSights | London, New York, Remote", []string{"GB/London/London", "US/New York/New York"}},
		{"state that is a city inside a list", "Contino | Onsite | London, New York, Melbourne",
			[]string{"GB/London/London", "US/New York/New York", "AU//Melbourne"}},
		{"city and a state that is a city", "Wirewax | London & New York | Onsite", []string{"GB/London/London", "US/New York/New York"}},
		{"city then a state", "Clover Health | San Francisco, New Jersey | ONSITE", []string{"US/California/San Francisco", "US/New Jersey/"}},
		{"places between full stops", "Matasano Security - Chicago. New York City. Sunnyvale.",
			[]string{"US/Illinois/Chicago", "US/New York/New York", "US/California/Sunnyvale"}},
		// A town the state has stays one place with it, however big a namesake elsewhere.
		{"town in a state named like a bigger city's", "Acme | Portland, Maine | Onsite", []string{"US/Maine/Portland"}},
		{"town in a state that is a city", "Acme | Rochester, New York | Onsite", []string{"US/New York/Rochester"}},
		{"town named like a GB city", "Acme | Cambridge, Massachusetts", []string{"US/Massachusetts/Cambridge"}},
		{"town named like a world city", "Acme | Athens, Georgia", []string{"US/Georgia/Athens"}},
		{"small town named like a world city", "Acme | Paris, Texas | Onsite", []string{"US/Texas/Paris"}},
		{"town known only as a town", "Acme | Wakefield, Massachusetts | Onsite", []string{"US/Massachusetts/Wakefield"}},
		{"town in a province", "Acme | London, Ontario | Onsite", []string{"CA/Ontario/London"}},
		{"abbreviation before a full stop", "Acme - St. Louis. Remote", []string{"US/Missouri/St. Louis"}},
		{"sentence after a place", "London. Full-time. Relocation offered.", []string{"GB/London/London"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, l := range e.PlacesIn(tc.in) {
				got = append(got, fmt.Sprintf("%s/%s/%s", l.Country, l.Region, l.Place))
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("PlacesIn(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

// TestTownInStateLoose covers a town the gazetteer does not know before a state code that starts a
// longer segment, and codes that are words.
func TestTownInStateLoose(t *testing.T) {
	e := newTestExtractor(t)
	tests := []locCase{
		{"code before a word", "Troy, MI ONSITE", "US//Michigan//Troy/false"},
		{"code before two spaces", "Orange County, CA  ONSITE", "US//California//Orange County/false"},
		{"code ending a sentence", "Radnor, PA. USA", "US//Pennsylvania//Radnor/false"},
		{"title-case code after a known town", "Palo Alto, Ca.", "US//California//Palo Alto/false"},
		{"title-case code after a known town in prose", "Muster | Richmond, Va | Full Time", "US//Virginia//Richmond/false"},
		{"title-case code after an unknown town is nothing", "Springfieldia, Ca", "/////false"},
		{"known town and code without a comma", "Veracode, Burlington MA", "US//Massachusetts//Burlington/false"},
		{"known town, code and country", "Houston TX USA", "US//Texas//Houston/false"},
		{"code that is a word before its country", "Bloomington, IN USA", "US//Indiana//Bloomington/false"},
		{"code that is a word before another country is no state", "Acme, IN Canada", "CA/////false"},
		{"words and a code are no town", "Acme | Full Stack CA", "/////false"},
		{"word code is no state", "Acme, IN the heart of town", "/////false"},
		{"remote is no town", "Remote, CA", "US//California///true"},
	}
	checkLocations(t, e, tests)
}

// TestTownOrList covers a town before a state written in full: the town in that state when the
// gazetteer's places or towns have it there, else, for a big place elsewhere, a list whose first
// place is the location.
func TestTownOrList(t *testing.T) {
	e := newTestExtractor(t)
	tests := []locCase{
		{"big city before a state without it", "San Francisco, New Jersey", "US//California//San Francisco/false"},
		{"big city before a state that is a city", "London, New York", "GB/England/London/Greater London/London/false"},
		{"town of the state named like a bigger city", "Portland, Maine", "US//Maine//Portland/false"},
		{"town of the state that is a city", "Rochester, New York", "US//New York//Rochester/false"},
		{"town of the state named like a GB city", "Cambridge, Massachusetts", "US//Massachusetts//Cambridge/false"},
		{"town of the state named like a world city", "Athens, Georgia", "US//Georgia//Athens/false"},
		{"small town named like a world city", "Paris, Texas", "US//Texas//Paris/false"},
		{"town known only as a town", "Wakefield, Massachusetts", "US//Massachusetts//Wakefield/false"},
		{"town in a province named like London", "London, Ontario", "CA//Ontario//London/false"},
		{"state code keeps the pair", "London, KY", "US//Kentucky//London/false"},
		{"town of a state that is a city, named like a big city", "Amsterdam, New York", "US//New York//Amsterdam/false"},
	}
	checkLocations(t, e, tests)
}
