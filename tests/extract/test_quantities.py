"""Statistics: each printed form of a figure is read once with its value, unit, bound, range,
rate, change, counted thing, part-of link and date; labels that look like figures are not."""

from __future__ import annotations

import random

import pytest

from sourcelint.model import Analysis, Quantity

from ..conftest import scan_text


def only(analysis: Analysis) -> Quantity:
    assert len(analysis.quantities) == 1, [quantity.text for quantity in analysis.quantities]
    return analysis.quantities[0]


def dated(body: str, day: str = "2025-09-18") -> Analysis:
    return scan_text(f"---\ndate: {day}\n---\n{body}\n", "md")


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "scale"),
    [
        ("The farm sold 1,500 sheep.", 1500, None, None),
        ("The farm sold 1 500 sheep.", 1500, None, None),
        ("The tank holds 1.5 litres of water.", 1.5, "litre", None),
        ("Two children were hurt.", 2, None, None),
        ("A dozen retired nurses volunteered.", 12, None, None),
        ("Half a million people marched.", 500_000, None, "million"),
        ("Twenty-five schools closed.", 25, None, None),
        ("The basin exported 1.9m tonnes of grain.", 1_900_000, "tonne", "million"),
        ("The plan costs £4.8bn.", 4_800_000_000, "GBP", "billion"),
        ("The race drew 2.5k entrants.", 2500, None, "thousand"),
        ("The bank lent US$1.1 billion in loans.", 1_100_000_000, "USD", "billion"),
        ("The state pays 4 million euros.", 4_000_000, "EUR", "million"),
        ("A ticket costs $74.", 74, "USD", None),
        ("The grant is CHF 1.9 million.", 1_900_000, "CHF", "million"),
        ("Turnout was 41 per cent.", 41, "percent", None),
        ("Turnout was 41%.", 41, "percent", None),
        ("Support fell 0.4 percentage points.", 0.4, "percentage_point", None),
        ("The river rose 6.8 metres.", 6.8, "m", None),
        ("Temperatures reached 19C.", 19, "degC", None),
        ("A 320 km cable links the islands.", 320, "km", None),
        ("The site covers 12 million cubic metres.", 12_000_000, "m3", "million"),
        ("The farms generated 2,310 GWh.", 2310, "GWh", None),
        ("Fares rose by 20 cents.", 0.2, "USD", None),
        ("The river is 10 1/2 miles long.", 10.5, "mile", None),
        ("The baby weighs 25 pounds.", 25, "lb", None),
        ("The fee is 25 pounds sterling.", 25, "GBP", None),
        ("They shipped 1,458,000 tons.", 1_458_000, "ton", None),
    ],
)
def test_values_units_and_scale_words(
    sentence: str, value: float, unit: str | None, scale: str | None
) -> None:
    quantity = only(scan_text(sentence + "\n"))
    assert quantity.value == pytest.approx(value)
    assert quantity.unit == unit
    assert quantity.scale == scale


@pytest.mark.parametrize(
    ("sentence", "value", "high", "unit"),
    [
        ("Costs will be 10–15% higher.", 10, 15, "percent"),
        ("Traders expect between 1.1 and 1.3 million tonnes.", 1_100_000, 1_300_000, "tonne"),
        ("Rents are £120 to £150 a week.", 120, 150, "GBP"),
        ("It would cost between €700 million and €900 million.", 7e8, 9e8, "EUR"),
        ("Work takes 8–10 years.", 8, 10, "year"),
        ("Levels will fall by 40 to 60 centimetres.", 40, 60, "cm"),
    ],
)
def test_ranges_are_one_figure_with_both_ends(
    sentence: str, value: float, high: float, unit: str
) -> None:
    quantity = only(scan_text(sentence + "\n"))
    assert (quantity.value, quantity.value_high, quantity.unit) == (
        pytest.approx(value),
        pytest.approx(high),
        unit,
    )


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("About one in five farms expects a loss.", 0.2),
        ("One in eight households is in arrears.", 0.125),
        ("A third of those downloads were abroad.", 0.3333),
        ("Two-thirds of runners finished.", 0.6667),
        ("Nearly half of the wells are dry.", 0.5),
        ("Prices are 1.4 times the national average.", 1.4),
        ("About 1 in every 1,000 children is affected.", 0.001),
        ("About 3/4 of voters agreed.", 0.75),
    ],
)
def test_fractions_and_ratios(sentence: str, value: float) -> None:
    quantity = only(scan_text(sentence + "\n"))
    assert quantity.unit == "ratio"
    assert quantity.value == pytest.approx(value, abs=1e-4)


@pytest.mark.parametrize(
    ("sentence", "magnitude"),
    [
        ("Tens of thousands of people marched.", 4),
        ("Hundreds of parents signed.", 2),
        ("Several thousand households qualify.", 3),
        ("Millions of euros were lost.", 6),
        ("Dozens of homes flooded.", 1),
    ],
)
def test_vague_counts_keep_their_order_of_magnitude(sentence: str, magnitude: int) -> None:
    quantity = only(scan_text(sentence + "\n"))
    assert quantity.value is None
    assert quantity.magnitude == magnitude
    assert quantity.vague


@pytest.mark.parametrize(
    "sentence",
    [
        "The bridge was built in 1953.",
        "The 2019 report was ignored.",
        "The fiscal year 2024-25 ended badly.",
        "Polls close on May 9, 2025.",
        "Applications close on 15 November.",
        "The shop opens at 8am and closes at 4.40pm.",
        "Pavel Orsic, 61, farms near Lindemark.",
        "It is a 30-year-old framework.",
        "She signed a 10-year contract.",
        "They rent a two-bedroom flat.",
        "1. Repair the roads",
        "See page 14 and section 4.2 of the act.",
        "The study appears in vol. 14, pp. 233–251.",
        "Call the helpline on 0800 412 7763.",
        "Install version 5.2.1 or v2.0.3 first.",
        "She finished first, ahead of the 14th seed.",
        "Take Route 42 to Platform 9.",
        "Harlow beat Danbury 3-1 on Sunday.",
        "Turnout among voters aged 18 to 24 was low.",
        "Cases rose in the past seven days.",
        "One clinic had vaccinated everyone.",
        "The top eight teams qualify.",
        "The shop is open 24/7.",
        "After 9/11 the rules changed.",
        "The code OG/2025/014 applies from 3/4/2024.",
        "See https://example.org/report?id=2024&share=30%25 for more.",
    ],
)
def test_labels_that_look_like_figures_are_not_statistics(sentence: str) -> None:
    analysis = scan_text(sentence + "\n")
    assert [quantity.text for quantity in analysis.quantities] == []


@pytest.mark.parametrize(
    ("sentence", "qualifier", "approx"),
    [
        ("Upwards of 600 jobs depend on the plants.", "upwards_of", "at_least"),
        ("More than 31,000 claims were filed.", "more_than", "at_least"),
        ("Over 500 people attended.", "over", "at_least"),
        ("Cases passed 1,000 on Monday.", "passed", "at_least"),
        ("Nearly 3,000 homes lost power.", "nearly", "about"),
        ("Almost 40 per cent of nurses left.", "almost", "about"),
        ("About 42,000 residents fled.", "about", "about"),
        ("Around 40% of requests were refused.", "around", "about"),
        ("At least 12 people died.", "at_least", "at_least"),
        ("Farms get up to €80,000 each.", "up_to", "at_most"),
        ("Oats came to just under 240,000 tonnes.", "under", "at_most"),
        ("Fewer than 1,000 members joined.", "less_than", "at_most"),
    ],
)
def test_bounds_are_kept(sentence: str, qualifier: str, approx: str) -> None:
    quantity = only(scan_text(sentence + "\n"))
    assert quantity.qualifier == qualifier
    assert quantity.approx == approx
    assert not quantity.text[0].isdigit() and not quantity.text.startswith(("€", "£"))


@pytest.mark.parametrize(
    ("sentence", "rate"),
    [
        ("Wheat traded at €248 a tonne.", "per tonne"),
        ("The mine pumps 400,000 litres a day.", "per day"),
        ("The city spends €9.5m annually.", "per year"),
        ("Staff earn £13.20 an hour.", "per hour"),
        ("The levy is €2 per night.", "per night"),
        ("The road carries 84,500 vehicles a day.", "per day"),
    ],
)
def test_rates(sentence: str, rate: str) -> None:
    assert only(scan_text(sentence + "\n")).rate == rate


def test_a_year_earlier_is_a_date_not_a_rate() -> None:
    analysis = dated("The share was 41%, compared with 29% a year earlier.")
    assert [quantity.rate for quantity in analysis.quantities] == [None, None]


@pytest.mark.parametrize(
    ("sentence", "changes"),
    [
        ("Feed barley rose by 14 per cent.", ["rise_by"]),
        ("Net income will fall to €1.2bn, from €1.65bn.", ["fall_to", "fall_from"]),
        ("Farmers harvested 3.4 million tonnes, down 18%.", ["fall_to", "fall_by"]),
        ("Wheat traded at €248, up from €201.", ["rise_to", "rise_from"]),
        ("Yields fell from 7.2 tonnes to 4.9 tonnes.", ["fall_from", "fall_to"]),
        ("Journeys rose by 7.4% to 58.2 million.", ["rise_by", "rise_to"]),
        ("The plan takes the share from 8% to 35%.", ["rise_from", "rise_to"]),
        ("Farmers lost upwards of 18,000 hectares of crops.", [None]),
        ("Prices are 9% below the national average.", [None]),
    ],
)
def test_changes(sentence: str, changes: list[str | None]) -> None:
    analysis = scan_text(sentence + "\n")
    assert [quantity.change for quantity in analysis.quantities] == changes


def test_signed_results_are_changes_with_a_positive_value() -> None:
    analysis = scan_text("Seats won: Greens 19 (+8), Civic 16 (-8).\n")
    signed = [q for q in analysis.quantities if q.change]
    assert [(q.value, q.change) for q in signed] == [(8, "rise_by"), (8, "fall_by")]


def test_a_range_without_a_change_verb_is_a_range() -> None:
    quantity = only(scan_text("Estimates run from 17% to 25%.\n"))
    assert (quantity.value, quantity.value_high, quantity.change) == (17, 25, None)


@pytest.mark.parametrize(
    ("sentence", "counted"),
    [
        ("The basin exported 1.9m tonnes of grain.", "grain"),
        ("The town has 1.2 million residents.", "residents"),
        ("Nordfracht ran 130 scheduled grain trains.", "grain trains"),
        ("The region counted 48,000 dairy cows.", "dairy cows"),
        ("The bank lent US$1.1 billion in loans.", "loans"),
        ("Barley came to 1,150,000 tonnes.", "barley"),
        ("Rainfall between April and July was 96 mm.", "rainfall"),
        ("The match drew a crowd of 41,226.", "crowd"),
        ("41 per cent of respondents took on debt.", "respondents"),
    ],
)
def test_counted_thing(sentence: str, counted: str) -> None:
    assert only(scan_text(sentence + "\n")).counted == counted


def test_a_named_subject_is_not_what_is_counted() -> None:
    quantity = only(scan_text("The Orvik Glacier retreated by 1.4 km.\n"))
    assert quantity.counted is None


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Some 10,000 people were evacuated – 4,800 of them women – by Friday.", {"4,800": 0}),
        ("Nordfracht cancelled 40 of its 130 scheduled grain trains.", {"40": 1}),
        (
            "The fund helped 1,240 households, including 610 households with children.",
            {"610 households": 0},
        ),
        ("Almost 40 per cent of the district's 1,900 nurses left.", {"Almost 40 per cent": 1}),
    ],
)
def test_parts_point_at_their_whole(text: str, parts: dict[str, int]) -> None:
    quantities = scan_text(text + "\n").quantities
    ids = [quantity.id for quantity in quantities]
    for quantity in quantities:
        if quantity.text in parts:
            assert quantity.part_of == ids[parts[quantity.text]]
        else:
            assert quantity.part_of is None


def test_a_dash_between_a_whole_and_its_part_is_not_a_range() -> None:
    quantities = scan_text("Some 10,000 people fled – 4,800 of them women.\n").quantities
    assert [(q.value, q.value_high) for q in quantities] == [(10000, None), (4800, None)]


@pytest.mark.parametrize(
    ("body", "as_of"),
    [
        ("As of March 3, 1,850 homes had no power.", "2025-03-03"),
        ("In 2022 the region had 48,000 dairy cows.", "2022"),
        ("The region had 48,000 dairy cows last year.", "2024"),
        ("Wheat traded at €248 a tonne on Tuesday.", "2025-09-16"),
        ("Rainfall between April and July was 96 mm.", "2025-07"),
        ("So far 211 cases have been reported.", "2025-09-18"),
        ("The plan adds 1,300 MW by the end of 2026.", "2026-12"),
        ("In the year to September, journeys rose to 58.2 million.", "2025-09"),
        ("The region had 48,000 dairy cows.", None),
    ],
)
def test_as_of_dates_resolve_against_the_document_date(body: str, as_of: str | None) -> None:
    assert dated(body).quantities[0].as_of == as_of


def test_relative_dates_stay_unresolved_in_an_undated_document() -> None:
    assert only(scan_text("The region had 48,000 dairy cows last year.\n")).as_of is None
    assert only(scan_text("The region had 48,000 dairy cows in 2022.\n")).as_of == "2022"


def test_a_comparison_anchor_dates_only_its_own_figure() -> None:
    analysis = dated("The share was 41% in August, compared with 29% a year earlier.")
    assert [quantity.as_of for quantity in analysis.quantities] == ["2025-08", "2024"]


def test_claims_list_the_quantities_they_carry() -> None:
    analysis = scan_text("Turnout was 41%. Nobody came.\n")
    assert analysis.claims[0].quantities == (analysis.quantities[0].id,)
    assert analysis.claims[1].quantities == ()


def test_json_contract_of_a_quantity() -> None:
    payload = only(scan_text("Upwards of 18,000 hectares were lost.\n")).to_json()
    assert list(payload) == [
        "id", "text", "start", "end", "value", "unit", "approx", "counted", "as_of", "rate",
        "part_of", "value_high", "qualifier", "change", "scale", "magnitude",
    ]  # fmt: skip
    assert payload["value"] == 18000 and isinstance(payload["value"], int)
    assert payload["approx"] == "at_least" and payload["qualifier"] == "upwards_of"


def test_offsets_point_at_the_text() -> None:
    text = "Costs rose 12% to €4.8bn, and 1 in 12 trains ran late.\n"
    found = [(q.text, q.start, q.end) for q in scan_text(text).quantities]
    assert found == [("12%", 11, 14), ("€4.8bn", 18, 24), ("1 in 12 trains", 30, 44)]


def test_random_noise_never_breaks_the_stage() -> None:
    generator = random.Random(4)
    pieces = ["12", "1,500", "%", "€", "£4.8bn", " per ", " of ", "-", "–", "to", "between",
              "and", "a third", "one in", "half", "May", "3", "2024", "(", ")", ".", " ",
              "million", "tonnes", "up", "down", "from", "\n", "x", "km/h"]  # fmt: skip
    for _ in range(150):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(1, 40)))
        analysis = scan_text(text + "\n")
        for quantity in analysis.quantities:
            assert 0 <= quantity.start < quantity.end <= len(text) + 1


@pytest.mark.parametrize(
    "sentence",
    [
        "The plan was published on 2020-10-26 and revised later.",
        "The plan was published on 26.10.2020 and revised later.",
        "Call 206-652-6593 for the details of the plan.",
        "The wreck lies at 41°17′S, 174°46′E off the coast.",
        "The largest value is 2^15 - 1 in this format.",
        "Ninety Mile Beach hosted the Group of Seven summit.",
    ],
)
def test_dates_phones_coordinates_arithmetic_and_names_are_not_statistics(sentence: str) -> None:
    assert scan_text(sentence + "\n").quantities == ()


def test_markup_arguments_and_code_are_not_statistics() -> None:
    document = (
        "---\ntitle: Notes\n---\n\n"
        '{{< image "harbour.png" 519 >}}\n\n'
        "{% include figure.html width=640 %}\n\n"
        "Set `limit = 250` in the file; 300 boats came.\n"
    )
    assert [q.text for q in scan_text(document, "md").quantities] == ["300 boats"]


def test_a_price_a_pound_is_per_pound_of_weight_and_alternatives_are_a_range() -> None:
    analysis = scan_text("Plums cost $6 a pound; volunteers give 10 or 20 hours per week.\n")
    price, hours = analysis.quantities
    assert (price.unit, price.rate) == ("USD", "per lb")
    assert (hours.value, hours.value_high, hours.unit, hours.rate) == (10, 20, "hour", "per week")


def _texts(text: str) -> list[str]:
    return [quantity.text for quantity in scan_text(text).quantities]


def test_a_score_is_neither_a_range_nor_two_figures() -> None:
    assert _texts("The Hawks beat the Owls 112-107 on Tuesday.\n") == []
    assert _texts("Prices rose by 10-15% last year.\n") == ["10-15%"]


def test_an_attributive_duration_names_a_kind_of_thing() -> None:
    assert _texts("The council declared a seven day mourning period.\n") == []
    assert _texts("The mourning lasted seven days.\n") == ["seven days"]


def test_a_small_number_pointing_back_at_known_items_is_not_a_count() -> None:
    text = "Arden and Lisk held talks. The leaders of the two countries spoke on Friday.\n"
    assert _texts(text) == []
    assert _texts("Two countries signed the treaty on Friday.\n") == ["Two countries"]


def test_clock_readings_and_a_persons_age_are_not_statistics() -> None:
    assert _texts("The quake struck at 2am local time (0100 UTC) on Friday.\n") == []
    assert _texts("Lisk scored with 55 seconds left in the game.\n") == []
    assert _texts("I have fixed cars since I was 17, and I still do.\n") == []


def test_a_line_of_bare_numbers_is_a_table_row() -> None:
    text = "Harbor d. Elmwood 70-44\n\nElmwood 14 11 6 15 — 44\n\nHarbor 18 22 13 17 — 70\n"
    assert _texts(text) == []
    assert _texts("Turnout was 14, 11, 6 and 15 percent in the four wards.\n") != []


def test_a_three_pointer_is_a_name_not_a_count() -> None:
    assert _texts("Lisk hit a 3-pointer at the buzzer.\n") == []


RECIPE = (
    "Americans ate 20% more sugar in 2020 than in 2000, the survey found.\n\n"
    "Ingredients\n\n"
    "- 2 cups flour\n- 3 tablespoons sugar\n- 1 teaspoon salt\n- 2 cloves garlic\n\n"
    "Bake for 25 minutes at 350 degrees Fahrenheit. Serves four.\n"
)


def test_a_recipes_amounts_and_steps_are_instructions() -> None:
    assert _texts(RECIPE) == ["20%"]


def test_a_deals_listings_prices_advertise() -> None:
    text = (
        "Shoppers spent $9.4 billion online on Black Friday, Adobe estimated.\n\n"
        "- AirPods Pro: $199 at Amazon (save $50)\n"
        "- Kindle Paperwhite: $99 at Best Buy, 30% off\n"
        "- Echo Dot: $25 at Walmart\n"
    )
    assert _texts(text) == ["$9.4 billion"]


def test_an_instruction_to_the_reader_and_a_name_holding_a_number() -> None:
    assert _texts("Eat 60 to 90 minutes before you work out.\n") == []
    assert _texts("If you have done 80 Day Obsession, you know the plan.\n") == []
    assert _texts("Some 300 Israeli soldiers and 40 Americans took part.\n") != []


def test_engine_and_gearbox_designations_are_names() -> None:
    assert _texts("It has a 2.5-liter four-cylinder engine and a 10-speed gearbox.\n") == []


def test_a_score_in_words_is_not_two_figures() -> None:
    assert _texts("Harbor defeated Elmwood 45 points to 24 on Saturday.\n") == []


def test_a_duration_that_places_an_event_in_time_is_no_statistic() -> None:
    assert _texts("We moved here two years ago. Three days later, the ferry sank.\n") == []
    assert _texts("The target was met three years early.\n") == []
    assert _texts("The crossing takes 24 hours.\n") == ["24 hours"]
    assert _texts("Walks fell from more than two hours before the well was built.\n") != []


def test_coordinated_figures_share_the_unit_and_rate_printed_after_them() -> None:
    found = scan_text("Farmers sold tomatoes for $5 and $6 a pound, 5 and 6 tonnes a day.\n")
    assert [(q.unit, q.rate) for q in found.quantities] == [
        ("USD", "per lb"),
        ("USD", "per lb"),
        ("tonne", "per day"),
        ("tonne", "per day"),
    ]
    mixed = scan_text("Sales reached 1,200 and 40% were exported.\n")
    assert [q.unit for q in mixed.quantities] == [None, "percent"]


def test_a_vague_count_is_a_lower_bound() -> None:
    (found,) = scan_text("Hundreds of thousands of people marched.\n").quantities
    assert found.value is None and found.magnitude == 5
    assert found.approx == "at_least"


def test_identifiers_and_versions_after_a_product_name_are_labels() -> None:
    assert _texts("See ISSN 1234-5678, ISBN 978-3-16-148410-0 and PMID 12345678.\n") == []
    assert _texts("The iOS 13.2 update and Python 3.11 shipped.\n") == []
    assert _texts("Inflation was 2.5 in May and GDP grew 2.5 percent.\n") == ["2.5", "2.5 percent"]
    assert _texts("In March 2.5 million people marched.\n") == ["2.5 million people"]


def test_a_persons_age_is_no_statistic_but_a_groups_average_is() -> None:
    assert _texts("It happened when she was 14 years old.\n") == []
    assert _texts("Patton, who is 17 years old, won the race.\n") == []
    assert _texts("The average patient was 64 years old.\n") == ["64 years"]


def test_a_size_hyphenated_before_a_product_name_labels_the_model() -> None:
    assert _texts("Apple sold the 16-inch MacBook Pro and a 13-inch Surface Laptop.\n") == []
    # a size before a common noun, or before an adjective of origin, still measures
    assert _texts("They fit 22-inch wheels and caught a 12-foot Burmese python.\n") == [
        "22-inch",
        "12-foot",
    ]


def _read(text: str) -> list[tuple[str, float | None, str | None, str | None]]:
    return [(q.text, q.value, q.unit, q.rate) for q in scan_text(text).quantities]


def test_indian_scale_words_and_a_scale_glued_to_the_figure() -> None:
    assert _read("The flat cost Rs 24 lakh; the plan, ₹1 lakh crore; fees, £71.6million.\n") == [
        ("Rs 24 lakh", 2_400_000.0, "INR", None),
        ("₹1 lakh crore", 1e12, "INR", None),
        ("£71.6million", 71_600_000.0, "GBP", None),
    ]


def test_a_price_per_unit_written_with_a_slash() -> None:
    assert _read("Panels cost $0.23/W and power $0.03/kWh.\n") == [
        ("$0.23", 0.23, "USD", "per W"),
        ("$0.03", 0.03, "USD", "per kWh"),
    ]
    # "a" and "an" still need a space before their noun
    assert _read("It sold 5 andirons.\n")[0][3] is None


def test_horsepower_and_a_prison_term_before_its_noun() -> None:
    assert _read("The engine makes 101 hp.\n") == [("101 hp", 101.0, "hp", None)]
    assert _texts("He got a 40 month sentence during a seven day mourning period.\n") == [
        "40 month"
    ]


def test_digits_grouped_by_spaces_but_not_two_numbers_before_a_name() -> None:
    assert _read("The town has 12 500 residents and 1 250 000 visitors.\n") == [
        ("12 500 residents", 12_500.0, None, None),
        ("1 250 000 visitors", 1_250_000.0, None, None),
    ]
    fleet = _read("A fleet of roughly 400 737 Max jets was grounded.\n")
    assert fleet[0][1] == 400
