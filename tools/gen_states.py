#!/usr/bin/env python3
"""Regenerate data/states.csv from Debian's iso-codes (ISO 3166-1) and the Mine Ban
Treaty status list. Run by hand; the output is committed. Aliases are our own list."""
import csv, json, sys

ISO = '/usr/share/iso-codes/json/iso_3166-1.json'
iso = {e['alpha_3']: e for e in json.load(open(ISO))['3166-1']}
status = list(csv.DictReader(open(sys.argv[1] if len(sys.argv) > 1 else '../shared/data/mbt_status.csv')))

NAME = {
    'BOL': 'Bolivia', 'COD': 'Democratic Republic of the Congo', 'CIV': "Côte d'Ivoire",
    'IRN': 'Iran', 'PRK': 'North Korea', 'KOR': 'South Korea', 'LAO': 'Lao PDR',
    'FSM': 'Micronesia', 'MDA': 'Moldova', 'SYR': 'Syria', 'TZA': 'Tanzania', 'TUR': 'Türkiye',
    'VEN': 'Venezuela', 'VAT': 'Holy See', 'PSE': 'Palestine', 'RUS': 'Russia',
    'GBR': 'United Kingdom', 'USA': 'United States', 'VNM': 'Vietnam', 'BRN': 'Brunei',
    'CPV': 'Cabo Verde', 'CZE': 'Czech Republic', 'SWZ': 'Eswatini', 'MKD': 'North Macedonia',
}
ALIASES = {
    'USA': ['US', 'USA', 'U.S.', 'United States of America', 'America'],
    'GBR': ['UK', 'Great Britain', 'Britain', 'United Kingdom of Great Britain and Northern Ireland'],
    'MMR': ['Myanmar/Burma', 'Burma', 'Myanmar (Burma)'],
    'TUR': ['Turkey', 'Turkiye', 'Republic of Türkiye'],
    'KOR': ['Korea, Republic of', 'Republic of Korea', 'ROK', 'South Korea (Republic of Korea)', 'Korea, South'],
    'PRK': ["Korea, Democratic People's Republic of", 'DPRK', 'North Korea (DPRK)', "Democratic People's Republic of Korea", 'Korea, North'],
    'LAO': ["Lao People's Democratic Republic", 'Laos', 'Lao'],
    'RUS': ['Russian Federation'],
    'SYR': ['Syrian Arab Republic'],
    'IRN': ['Iran, Islamic Republic of', 'Islamic Republic of Iran'],
    'VNM': ['Viet Nam'],
    'COD': ['DR Congo', 'DRC', 'Congo, Democratic Republic of the', 'Congo-Kinshasa', 'Congo, The Democratic Republic of the'],
    'COG': ['Republic of the Congo', 'Congo, Republic of', 'Congo-Brazzaville', 'Congo (Brazzaville)'],
    'CIV': ["Cote d'Ivoire", 'Ivory Coast'],
    'CZE': ['Czechia'],
    'MKD': ['Macedonia', 'FYR Macedonia', 'Former Yugoslav Republic of Macedonia'],
    'SWZ': ['Swaziland'],
    'CPV': ['Cape Verde'],
    'TLS': ['East Timor', 'Timor Leste'],
    'VAT': ['Vatican', 'Holy See (Vatican City State)', 'Vatican City'],
    'PSE': ['State of Palestine', 'Palestine, State of', 'Occupied Palestinian Territories'],
    'FSM': ['Micronesia (Federated States of)', 'Micronesia, Federated States of', 'Federated States of Micronesia'],
    'MDA': ['Moldova, Republic of', 'Republic of Moldova'],
    'TZA': ['Tanzania, United Republic of', 'United Republic of Tanzania'],
    'BOL': ['Bolivia, Plurinational State of', 'Plurinational State of Bolivia'],
    'VEN': ['Venezuela, Bolivarian Republic of', 'Bolivarian Republic of Venezuela'],
    'BRN': ['Brunei Darussalam'],
    'ARE': ['UAE'],
    'BIH': ['Bosnia-Herzegovina', 'BiH'],
    'KNA': ['St. Kitts and Nevis', 'Saint Kitts & Nevis'],
    'LCA': ['St. Lucia'],
    'VCT': ['St. Vincent and the Grenadines'],
    'GMB': ['Gambia, The', 'The Gambia'],
    'BHS': ['Bahamas, The', 'The Bahamas'],
    'NLD': ['Netherlands, The', 'The Netherlands', 'Holland'],
    'CAF': ['CAR'],
    'STP': ['Sao Tome and Principe', 'São Tomé and Príncipe'],
}
OTHER = [
    # iso3, iso2, numeric, name, code_source, aliases
    ('XKX', 'XK', '', 'Kosovo', 'minewatch', []),
    ('XSO', 'XS', '', 'Somaliland', 'minewatch', []),
    ('ESH', 'EH', '732', 'Western Sahara', 'iso-3166-1', ['Sahrawi Arab Democratic Republic']),
    ('TWN', 'TW', '158', 'Taiwan', 'iso-3166-1', ['Taiwan, Province of China', 'Republic of China']),
    ('XNK', 'XN', '', 'Nagorno-Karabakh', 'minewatch', ['Nagorno Karabakh', 'Artsakh']),
]
UN_NON_MEMBERS = {'VAT', 'PSE', 'NIU', 'COK'}

w = csv.writer(open('data/states.csv', 'w', newline=''), lineterminator='\n')
w.writerow(['iso3', 'iso2', 'numeric', 'name', 'kind', 'un_member', 'code_source', 'aliases', 'source'])
src = 'ISO 3166-1 via Debian iso-codes 4.15.0; names and aliases: minewatch'
for r in sorted(status, key=lambda r: r['iso3']):
    e = iso[r['iso3']]
    name = NAME.get(r['iso3'], e['name'])
    al = [e['name'], e.get('official_name', ''), e.get('common_name', ''), r['name']] + ALIASES.get(r['iso3'], [])
    seen, out = {name.lower()}, []
    for a in al:
        if a and a.lower() not in seen:
            seen.add(a.lower()); out.append(a)
    w.writerow([r['iso3'], e['alpha_2'], e['numeric'], name, 'state',
                'no' if r['iso3'] in UN_NON_MEMBERS else 'yes', 'iso-3166-1', ';'.join(out), src])
for iso3, iso2, num, name, cs, al in OTHER:
    w.writerow([iso3, iso2, num, name, 'other-area', 'no', cs, ';'.join(al),
                src if cs == 'iso-3166-1' else 'code assigned by minewatch from the ISO user-assigned range X*'])
