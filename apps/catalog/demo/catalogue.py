"""Data for generate.py: the Demo Outfitters product families, as a small text table, and the
pools of shopper-facing sentences the descriptions are assembled from.

One block per family, blocks separated by blank lines; "## <Type>" starts a product type:

    Name | audience | price | colours | flags
    Pitch: one or more lines of shopper-facing copy.
    + feature; feature; feature
    = Attribute: value; Attribute: value

audience: M, W, MW (one men's and one women's product), U (unisex or gear), K (kids).
colours: keys of generate.COLOURS separated by spaces, or "-" for none.
flags, separated by spaces:
  flagship   named in the help pages (apps/knowledge/demo/*.md); prices and facts match them
  new, soldout, draft, spec (links a PDF spec sheet), shell (Cascade-type waterproof shell)
  sale:<pct>, outlet:<pct> (Outlet price ending in .97, final sale)
  tall, wide, half   extra footwear/apparel sizes (men's Tall, wide width, half sizes)
  hazmat     fuel and bear spray: UPS Ground within the contiguous US only, final sale
  vendor:<Brand_Name>   a partner brand (underscores become spaces)
  opt:<Name>=<v>,<v>+<delta>,<v>=<price>   own variant axis instead of the default sizes
  rain, winter, running, climbing, travel   extra collections; #tag   an extra tag
"""

# ruff: noqa: RUF001 (en dashes in ranges, as in the help pages)

FAMILIES = """
## Jacket
Cascade 3L Shell Jacket | MW | 289 | slate moss ember black | flagship shell spec tall rain
The rain jacket Demo Outfitters started with in 2011, rebuilt for a decade of Cascade storms: a
three-layer shell for long days in heavy rain, ski touring and mountaineering.
+ 20,000 mm waterproof and 20,000 g/m²/24h breathable, with fully taped seams
+ 12-inch pit zips for dumping heat on climbs; helmet-compatible hood with a laminated brim
+ hand pockets set high enough to clear a hip belt
= Material: 3-layer recycled nylon ripstop with PFAS-free DWR; Weight: 410 g (14.5 oz), men's M
= Waterproof rating: 20,000 mm; Breathability: 20,000 g/m²/24h; Fit: Regular

Cascade 2.5L Shell Jacket | MW | 199 | sky ember black | flagship shell rain #packable
A lighter, simpler Cascade for hikers who carry a shell more often than they wear it. It packs
into its own chest pocket and disappears into a daypack or a bike bag.
+ packs into its own chest pocket; adjustable hood with a stiffened brim
+ taped seams throughout; elastic cuffs and a one-hand hem drawcord
= Material: 2.5-layer recycled polyester with a printed inner layer and PFAS-free DWR
= Weight: 285 g (10 oz); Waterproof rating: 15,000 mm; Fit: Regular

Ridgeline 800 Down Jacket | MW | 299 | black slate ember glacier | flagship spec winter #down
Eight-hundred-fill goose down in a trim, quiet shell. The Ridgeline is our warmest layer for its
weight, made to sit under a shell on the mountain or stand alone on cold, dry days in town.
+ RDS-certified 800 fill-power goose down; trim fit that layers under a shell
+ zippered hand pockets and an internal stash pocket; packs into its own hand pocket
= Material: 20D recycled nylon, 800 fill-power RDS goose down; Weight: 340 g (12 oz)
= Fill: 800 fill-power goose down (RDS); Fit: Trim

Ridgeline 800 Down Hoodie | MW | 329 | black moss dusk | new winter #down
The Ridgeline jacket with an insulated hood that slips under a climbing helmet, for belays,
frosty dawns at the trailhead and evenings around camp when a collar isn't enough.
+ insulated, helmet-compatible hood; elastic-bound cuffs and hood opening
+ RDS-certified 800 fill-power goose down; stuff sack included
= Material: 20D recycled nylon, 800 fill-power RDS goose down; Weight: 385 g (13.6 oz)
= Fill: 800 fill-power goose down (RDS); Fit: Trim

Ridgeline Expedition Parka | MW | 449 | ember black | spec winter #down
Our warmest jacket, for winter camping, frozen lakeshores and long waits at minus twenty. It is
long, box-baffled and cut generously enough to pull over every other layer you own.
+ box-baffle construction with no cold spots along the seams; two-way zip with a storm flap
+ fleece-lined hand-warmer pockets; hood with a removable faux-fur ruff
= Material: 30D recycled nylon with PFAS-free DWR, 800 fill-power RDS goose down
= Weight: 890 g (1 lb 15 oz); Fill: 280 g of 800 fill-power goose down; Fit: Relaxed, hip length

Ember Synthetic Insulated Jacket | MW | 179 | ember forest black | #synthetic #animal-free
Warm when damp, quick to dry and free of animal products: the Ember is the insulated jacket for
wet Northwest winters, drizzly belays and shoulder-season nights at camp.
+ recycled synthetic insulation that keeps its warmth when wet
+ windproof, water-repellent shell fabric; packs into an internal pocket
= Material: recycled nylon shell, 100 g/m² recycled polyester insulation
= Weight: 420 g (14.8 oz); Fill: synthetic, 100 g/m²; Fit: Regular

Ember Synthetic Hoodie | MW | 199 | ember navy moss | sale:25 #synthetic #animal-free
All the damp-weather warmth of the Ember jacket plus an insulated hood. It's a popular pick for
winter dog walks, ice fishing and anyone who would rather not worry about wet down.
+ insulated hood with a single-pull adjuster; two zippered hand pockets and a chest pocket
+ dropped hem for extra coverage when you sit down
= Material: recycled nylon shell, 100 g/m² recycled polyester insulation
= Weight: 470 g (1 lb 0.6 oz); Fill: synthetic, 100 g/m²; Fit: Regular

Timberline Softshell Jacket | MW | 169 | charcoal olive slate | flagship climbing #softshell
Stretchy, breathable and tough enough for granite, the Timberline is the jacket for high-output
days when rain isn't the main problem: scrambles, spring ski tours and windy ridgelines.
+ four-way stretch double-weave fabric; shrugs off wind and light showers
+ harness-compatible chest pockets; thumb loops and a low-profile collar
= Material: 88% recycled polyester, 12% elastane double weave, PFAS-free DWR
= Weight: 450 g (15.9 oz); Waterproof rating: water-resistant, not waterproof; Fit: Athletic

Timberline Softshell Hoodie | MW | 189 | charcoal ochre | climbing #softshell
The Timberline with a close-fitting hood that works under or over a helmet. Climbers and spring
ski tourers like it because it can stay on from the car park to the summit.
+ snug, helmet-compatible hood; four-way stretch double weave
+ two chest pockets that clear a harness; articulated elbows
= Material: 88% recycled polyester, 12% elastane double weave, PFAS-free DWR
= Weight: 490 g (1 lb 1.3 oz); Waterproof rating: water-resistant; Fit: Athletic

Drizzle Packable Rain Jacket | MW | 119 | sun slate black coral | sale:20 rain #packable
An easy, affordable rain jacket for city walks, festivals and the occasional hike. Two-layer and
lightly lined, it's not built for hard mountain use, but it keeps a Portland commute dry.
+ 2-layer waterproof fabric with a soft mesh lining; taped seams
+ stows into its own pocket; adjustable hood
= Material: 2-layer recycled polyester with PFAS-free DWR; Weight: 330 g (11.6 oz)
= Waterproof rating: 10,000 mm; Fit: Relaxed

Windward Wind Jacket | MW | 99 | glacier sky ochre | running #ultralight #packable
Ninety-five grams of ripstop that stops wind on a ridge run and balls up into its own chest
pocket. Usually the first layer to go on and the last to come off.
+ featherweight 15D ripstop; stuffs into its chest pocket with a clip loop
+ elastic hood and cuffs; reflective details for dawn runs
= Material: 15D recycled nylon ripstop with PFAS-free DWR; Weight: 95 g (3.4 oz); Fit: Slim

Highpass Insulated Shell Jacket | MW | 379 | ember black | new shell winter rain
A waterproof three-layer shell with synthetic insulation bonded inside, for snowshoeing, winter
camping and cold, wet days when stopping means getting chilled fast.
+ 3-layer waterproof shell with 60 g/m² synthetic insulation; powder skirt that snaps away
+ pit zips; helmet-compatible hood; two-way front zip
= Material: 3-layer recycled nylon with PFAS-free DWR, recycled polyester insulation
= Weight: 760 g (1 lb 11 oz); Waterproof rating: 20,000 mm; Fit: Regular

Scree Hybrid Jacket | MW | 159 | ochre slate | climbing
Synthetic insulation across the chest and shoulders, stretchy grid fleece under the arms and down
the back. It breathes on the approach and keeps your core warm at the belay.
+ insulated front and shoulders with stretch-fleece side panels
+ low-bulk cuffs that slide under gloves; zippered chest pocket
= Material: recycled nylon, 60 g/m² synthetic insulation, polyester grid fleece
= Weight: 360 g (12.7 oz); Fill: synthetic, 60 g/m²; Fit: Athletic

Drizzle Long Rain Coat | W | 149 | sand black slate | rain
A knee-length waterproof coat for wet days in the city: cycling to work, walking to school or
waiting for the streetcar. Roomy enough to go over a sweater or a light puffy.
+ knee-length cut with a two-way zip and rear vent; detachable hood
+ taped seams; inner phone pocket
= Material: 2-layer recycled polyester with PFAS-free DWR; Weight: 560 g (1 lb 4 oz)
= Waterproof rating: 10,000 mm; Fit: Relaxed

Cascade 3L Anorak | M | 249 | moss black | shell rain
A half-zip pullover version of the Cascade 3L with a kangaroo pocket big enough for maps and
fly boxes. Backcountry anglers love it, and so does anyone who's tired of jacket zips.
+ 20,000 mm waterproof 3-layer fabric; deep side zip for easy on and off
+ kangaroo chest pocket; helmet-compatible hood
= Material: 3-layer recycled nylon ripstop with PFAS-free DWR; Weight: 390 g (13.8 oz)
= Waterproof rating: 20,000 mm; Fit: Regular

Cascade Pro 3L Shell Jacket | M | 389 | ember | draft shell rain
Pre-production sample of next year's alpine Cascade: a more durable face fabric, a longer cut
and a two-way front zip for harness access. Not yet for sale.
+ 40D face fabric; two-way front zip
= Material: 3-layer recycled nylon with PFAS-free DWR; Waterproof rating: 28,000 mm

Northkin Waxed Canvas Field Jacket | MW | 229 | bark olive | vendor:Northkin outlet:35
A classic waxed cotton field jacket from our friends at Northkin, with a corduroy collar and big
bellows pockets. It shrugs off drizzle, gets better with age and can be re-waxed at home.
+ waxed cotton canvas that sheds light rain; corduroy-lined collar
+ four bellows pockets and a game pocket at the back
= Material: 10 oz waxed organic cotton canvas, cotton flannel lining; Weight: 1.3 kg (2 lb 14 oz)
= Fit: Regular

Kids' Puddle Rain Jacket | K | 69 | sun coral sky | rain
A bright, fully waterproof jacket for puddle stomping, the walk to school and first camping trips,
with reflective trim and sleeves that grow with them.
+ extendable cuffs add about an inch of sleeve for another season
+ reflective trim; taped seams; name label inside
= Material: 2-layer recycled polyester with PFAS-free DWR; Waterproof rating: 10,000 mm

Kids' Ridgeline Down Jacket | K | 129 | ember sky plum | winter soldout #down
The Ridgeline in a kid-sized cut: 700 fill-power RDS goose down in a tough, easy-clean shell,
for snow days, sledging and early-season ski trips.
+ 700 fill-power RDS goose down; tough ripstop shell that wipes clean
+ reflective trim and a chin guard on the zip
= Material: 30D recycled nylon, 700 fill-power RDS goose down; Fill: 700 fill-power goose down

## Vest
Ridgeline 800 Down Vest | MW | 199 | black slate moss | winter #down
Core warmth with free arms. The Ridgeline vest layers under a shell for cold starts and goes over
a flannel for cool evenings on the porch.
+ 800 fill-power RDS goose down; stows in its own pocket
+ zippered hand pockets and an internal pocket
= Material: 20D recycled nylon, 800 fill-power RDS goose down; Weight: 225 g (7.9 oz)
= Fill: 800 fill-power goose down (RDS); Fit: Trim

Ember Synthetic Vest | MW | 139 | ember charcoal | #synthetic #animal-free
The animal-free, damp-proof take on a puffy vest. It keeps you warm in drizzle and under a damp
rain shell, and it's easy to throw in the wash.
+ recycled synthetic insulation that stays warm when wet; windproof shell
+ two hand pockets with soft tricot lining
= Material: recycled nylon, 100 g/m² recycled polyester insulation; Weight: 260 g (9.2 oz)
= Fill: synthetic, 100 g/m²; Fit: Regular

Timberline Softshell Vest | M | 119 | charcoal | soldout #softshell
A stretch softshell vest for cool-morning trail runs, bike commutes and fall hikes. Blocks most
of the wind and sheds drizzle without making you sweat.
+ four-way stretch double weave; two hand pockets and a zippered chest pocket
= Material: 88% recycled polyester, 12% elastane; Weight: 240 g (8.5 oz); Fit: Athletic

Cedar Grid Fleece Vest | MW | 79 | heather moss | 
A lightweight grid fleece vest for layering under a shell or wearing on its own on a brisk walk.
Breathes well, dries fast and packs down small.
+ grid-back fleece that traps warmth and vents moisture
+ zippered hand pockets; stretch binding at the armholes
= Material: 100% recycled polyester grid fleece; Weight: 190 g (6.7 oz); Fit: Regular

## Fleece
Cedar Grid Fleece Hoodie | MW | 119 | heather moss ember dusk | 
A close-fitting grid fleece hoodie that breathes on the climb and holds warmth on the summit.
It's the mid layer our staff wear most, from spring hikes to winter ski tours.
+ grid-back fleece; balaclava-style hood; thumb loops
+ zippered chest pocket
= Material: 100% recycled polyester grid fleece, 200 g/m²; Weight: 330 g (11.6 oz); Fit: Slim

Cedar Grid Quarter-Zip Fleece | MW | 99 | heather navy rust | 
A simple quarter-zip grid fleece that works under a shell, over a base layer or on its own at the
office. The deep zip makes it easy to vent on the move.
+ deep quarter zip with a chin guard; grid-back fleece
+ stretchy cuffs and hem
= Material: 100% recycled polyester grid fleece, 200 g/m²; Weight: 290 g (10.2 oz); Fit: Regular

Cedar Grid Full-Zip Fleece Jacket | MW | 109 | heather forest black | 
The full-zip member of the Cedar Grid family, with two hand pockets and a trim cut that sits
neatly under a shell. A good first fleece for new hikers.
+ full-length zip; zippered hand pockets
+ grid-back fleece that breathes and dries quickly
= Material: 100% recycled polyester grid fleece, 200 g/m²; Weight: 340 g (12 oz); Fit: Regular

Bramble High-Pile Fleece Jacket | MW | 149 | sand forest black | sale:25
A cosy high-pile fleece for campfires, cabin weekends and cold mornings at the coffee cart. Soft
and warm, with a nylon trim that stands up to daily wear.
+ plush high-pile fleece body; nylon-reinforced chest pocket and shoulders
+ zippered hand pockets
= Material: 100% recycled polyester high-pile fleece; Weight: 560 g (1 lb 4 oz); Fit: Relaxed

Bramble Fleece Pullover | W | 119 | sand plum | new
A boxy half-snap pullover in the same soft high-pile fleece as the Bramble jacket, with a
kangaroo pocket that fits a phone and a pair of gloves.
+ half-snap placket; kangaroo pocket; high-pile fleece
= Material: 100% recycled polyester high-pile fleece; Weight: 480 g (1 lb 1 oz); Fit: Relaxed

Kids' Bramble Fleece Jacket | K | 59 | sand coral sky | 
The kids' version of our softest fleece, for camping trips, playgrounds and the ride home from
swim lessons. Machine washable, of course.
+ high-pile fleece; zippered hand pockets; easy-grip zip pull
= Material: 100% recycled polyester high-pile fleece

## Base layer
Alpenglow 150 Merino Crew | MW | 85 | black slate moss glacier | flagship
Our lightweight merino base layer. It moves sweat away on hot climbs, resists odour for days on
the trail and stays comfortable as the temperature drops.
+ fine 150 g/m² merino jersey that sits close to the skin; flatlock seams that won't chafe
+ resists odour naturally, so it can be worn several times between washes
= Material: 100% merino wool, 150 g/m² (lightweight); Weight: 165 g (5.8 oz); Fit: Next to skin

Alpenglow 250 Merino Crew | MW | 110 | black ember slate | flagship winter
The midweight Alpenglow, for cold-weather hiking, ski touring and winter camping. Warm enough to
wear as a mid layer and soft enough to sleep in.
+ 250 g/m² merino interlock; flatlock seams; long, tuck-in hem
+ naturally odour-resistant and warm even when damp
= Material: 100% merino wool, 250 g/m² (midweight); Weight: 255 g (9 oz); Fit: Next to skin

Alpenglow 150 Merino Bottoms | MW | 79 | black charcoal | 
Lightweight merino leggings for three-season layering under hiking pants or rain pants. One leg
length only: a 31 in inseam for men and 29 in for women.
+ 150 g/m² merino; wide, soft waistband; gusseted crotch
= Material: 100% merino wool, 150 g/m²; Inseam: 31 in (79 cm) men's, 29 in (74 cm) women's
= Fit: Next to skin

Alpenglow 250 Merino Bottoms | MW | 99 | black charcoal | flagship winter
Midweight merino leggings for cold days on the trail, on the slopes and in the sleeping bag.
One leg length: a 31 in inseam for men and 29 in for women.
+ 250 g/m² merino interlock; brushed waistband; gusseted crotch
= Material: 100% merino wool, 250 g/m²; Inseam: 31 in (79 cm) men's, 29 in (74 cm) women's
= Fit: Next to skin

Alpenglow 250 Merino Hoodie | MW | 139 | moss ember black | new winter
Midweight merino with a close-fitting hood that stays put under a helmet or a beanie. A cold-
weather favourite for ski touring, ice climbing and frosty backpacking mornings.
+ balaclava-style hood; thumb loops; kangaroo hand pocket
+ 250 g/m² merino interlock
= Material: 100% merino wool, 250 g/m²; Weight: 320 g (11.3 oz); Fit: Next to skin

Alpenglow 250 Merino Quarter-Zip | MW | 125 | slate charcoal dusk | winter
A midweight merino zip-neck you can vent on the climb and zip up at the top. Equally at home on a
winter hike and at the ski lodge.
+ deep quarter zip with a merino-backed chin guard; 250 g/m² merino interlock
= Material: 100% merino wool, 250 g/m²; Weight: 280 g (9.9 oz); Fit: Next to skin

Alpenglow 150 Merino Tee | MW | 65 | heather slate fern sand | 
A short-sleeve lightweight merino tee for multi-day hikes and travel. It stays fresh for days,
so you can pack fewer shirts.
+ 150 g/m² merino jersey; shoulder seams set forward, away from pack straps
= Material: 100% merino wool, 150 g/m²; Weight: 130 g (4.6 oz); Fit: Regular

Alpenglow 150 Merino Sun Hoodie | MW | 95 | glacier sky sand | new
A lightweight merino hoodie for sunny, exposed trails: it covers your neck and arms and stays
cool and odour-free for days on the trail.
+ 150 g/m² merino with a UPF 30 rating; close-fitting hood; thumb loops
= Material: 100% merino wool, 150 g/m²; Weight: 190 g (6.7 oz); Fit: Regular

Alpenglow 150 Merino Tank | W | 55 | black coral sky | 
A lightweight merino tank with a racerback cut that stays clear of pack straps. Layer it on
cold mornings or wear it alone in the desert sun.
+ racerback cut; 150 g/m² merino jersey
= Material: 100% merino wool, 150 g/m²; Weight: 95 g (3.4 oz); Fit: Next to skin

Alpenglow 150 Merino Boxer Briefs | M | 39 | black charcoal navy | 
Merino boxer briefs that stay comfortable and fresh on long days in the saddle or on the trail.
For hygiene reasons, underwear can't be returned once the packaging has been opened.
+ 150 g/m² merino with a little stretch; soft, wide waistband; 6 in leg
= Material: 87% merino wool, 13% nylon core; Fit: Next to skin

Alpenglow 150 Merino Sports Bra | W | 49 | black plum | 
A low-to-medium support merino sports bra for hiking, yoga and travel. For hygiene reasons,
underwear can't be returned once the packaging has been opened.
+ removable pads; wide, soft under-band; racerback
= Material: 87% merino wool, 13% nylon core; Fit: Next to skin

Alpenglow 150 Merino Hipster | W | 29 | black heather | 
Soft lightweight merino underwear that breathes on the move and resists odour on long trips.
Once opened, underwear can't be returned for hygiene reasons.
+ 150 g/m² merino jersey; low-profile seams
= Material: 87% merino wool, 13% nylon core; Fit: Next to skin

Kids' Alpenglow 250 Base Layer Set | K | 79 | sky plum black | winter
A midweight merino top and bottoms set for ski school, winter camping and snow days. Soft, not
itchy, and warm even when damp.
+ crew top and leggings; 250 g/m² merino; flatlock seams
= Material: 100% merino wool, 250 g/m²

Coldfront Synthetic Base Layer Crew | MW | 45 | black navy | sale:30
An affordable polyester base layer that wicks fast and dries in minutes. Great for running,
skiing and anyone who prefers not to wear wool.
+ brushed-back grid polyester; quick drying; flatlock seams
= Material: 92% recycled polyester, 8% elastane; Weight: 180 g (6.3 oz); Fit: Next to skin

Coldfront Synthetic Tights | MW | 42 | black | 
Quick-drying synthetic leggings to go under ski pants, rain pants or running shorts on cold
days. Brushed inside for warmth.
+ brushed-back polyester; wide waistband; gusseted crotch
= Material: 92% recycled polyester, 8% elastane; Fit: Next to skin

## Shirt
Trailhead Sun Hoodie | MW | 65 | glacier sky sand ochre | 
A lightweight UPF 50+ hoodie for bright days on exposed trails, on the river and in the desert.
The hood and thumb loops cover the spots sunscreen misses.
+ UPF 50+ knit; hood with a wide opening; thumb loops
+ quick-drying, with a cooling feel when damp
= Material: 90% recycled polyester, 10% elastane; Weight: 175 g (6.2 oz); UPF: 50+; Fit: Relaxed

Switchback Tech Tee | MW | 35 | ember heather sky black | running
A featherweight running tee that wicks sweat and dries fast, for tempo runs, trail races and the
gym. Lightly treated to keep odour down.
+ mesh side panels; flat seams; reflective logo
= Material: 100% recycled polyester; Weight: 105 g (3.7 oz); Fit: Regular

Switchback Long-Sleeve Tech Tee | MW | 42 | ember black slate | running
The Switchback tee with long sleeves for cool-morning runs and sunny trail days.
+ thumb loops; mesh underarm panels; reflective logo
= Material: 100% recycled polyester; Weight: 140 g (4.9 oz); Fit: Regular

Alder Flannel Shirt | MW | 79 | rust forest navy | 
A heavyweight brushed flannel for campfire evenings, the woodshop and cold fall mornings. Made
from organic cotton and soft from the first wear.
+ brushed on both sides; two button-flap chest pockets; longer back hem
= Material: 100% organic cotton flannel, 6 oz; Fit: Regular

Basin Vented Hiking Shirt | MW | 69 | sand stone sky | 
A long-sleeve button-up hiking shirt with a vented back yoke and roll-up sleeves. Cool in summer
heat, sun-protective and neat enough for the drive home.
+ vented back yoke; roll-up sleeve tabs; UPF 40 fabric
+ two zippered chest pockets
= Material: 100% recycled nylon poplin; Weight: 200 g (7 oz); UPF: 40; Fit: Regular

Basin Short-Sleeve Hiking Shirt | MW | 59 | sand sky forest | sale:20
The short-sleeve Basin for hot-weather hiking, travel and fishing trips. It dries fast after a
stream crossing and doesn't wrinkle in a pack.
+ vented back yoke; snap chest pocket; UPF 40 fabric
= Material: 100% recycled nylon poplin; Weight: 160 g (5.6 oz); UPF: 40; Fit: Regular

Portland Trail Logo Tee | U | 29 | heather forest sand | 
Our Portland trail map print on a soft organic cotton tee, printed in Oregon with water-based
inks. A good gift for anyone who has hiked Forest Park.
+ water-based print; pre-shrunk organic cotton
= Material: 100% organic cotton jersey; Fit: Regular

Northkin Hemp Pocket Tee | U | 42 | bark olive stone | vendor:Northkin
A heavyweight hemp and organic cotton tee from Northkin, with a chest pocket and a boxy cut. It
gets softer with every wash.
+ chest pocket; garment-dyed; boxy cut
= Material: 55% hemp, 45% organic cotton; Fit: Relaxed

## Pants
Cascade 3L Rain Pants | MW | 189 | black | shell rain
Full-coverage waterproof pants from the Cascade 3L family, for all-day rain, wet snow and
glacier travel. Full-length side zips let you pull them on over boots and crampons.
+ full-length two-way side zips; reinforced instep patches
+ adjustable waist with belt loops; fully taped seams
= Material: 3-layer recycled nylon ripstop with PFAS-free DWR; Weight: 360 g (12.7 oz)
= Waterproof rating: 20,000 mm; Fit: Regular

Cascade 2.5L Rain Pants | MW | 139 | black slate | shell rain #packable
Light, packable rain pants for hikers who carry them just in case. Ankle zips make them easy to
get on without taking your boots off.
+ ankle zips; elastic waist with drawcord; packs into its own back pocket
= Material: 2.5-layer recycled polyester with PFAS-free DWR; Weight: 240 g (8.5 oz)
= Waterproof rating: 15,000 mm; Fit: Regular

Cascade 3L Bib Pants | MW | 259 | black ember | shell rain winter
Waterproof 3L bibs for deep snow, winter mountaineering and ski touring. The bib keeps snow out
of your base layers when you fall in powder.
+ high bib with a chest pocket; full side zips; reinforced scuff guards
+ suspenders with quick-release buckles
= Material: 3-layer recycled nylon with PFAS-free DWR; Weight: 640 g (1 lb 6.6 oz)
= Waterproof rating: 20,000 mm; Fit: Regular

Drizzle Packable Rain Pants | MW | 69 | black | rain
Budget-friendly rain pants for commutes, festivals and wet school runs. Pull them on over jeans
in a couple of seconds.
+ elastic waist; ankle snaps; stows into its own pocket
= Material: 2-layer recycled polyester with PFAS-free DWR; Waterproof rating: 10,000 mm
= Fit: Relaxed

Timberline Softshell Pants | MW | 129 | charcoal olive | climbing #softshell
Stretchy softshell pants for scrambles, ski tours and cool-weather hikes. They move with you,
block wind and shed light rain and snow.
+ four-way stretch double weave; articulated knees; zippered thigh pocket
+ instep hooks and reinforced cuffs
= Material: 88% recycled polyester, 12% elastane, PFAS-free DWR; Weight: 480 g (1 lb 1 oz)
= Fit: Athletic

Traverse Hiking Pants | MW | 89 | stone olive charcoal sand | 
Our best-selling hiking pants: light, stretchy and quick to dry, with a gusseted crotch that
makes big steps easy. From day hikes to a week on the Wonderland Trail.
+ lightweight stretch nylon; zippered thigh pocket; integrated stretch belt
+ articulated knees; cuffs that roll up and snap in place
= Material: 90% recycled nylon, 10% elastane, PFAS-free DWR; Weight: 320 g (11.3 oz)
= Fit: Regular

Traverse Convertible Pants | MW | 95 | stone sand | travel
Zip-off pants that turn into shorts when the afternoon heats up. Colour-coded zips make it easy
to match the right leg.
+ zip-off legs with colour-coded zips; five pockets including a zippered security pocket
= Material: 90% recycled nylon, 10% elastane; UPF: 50; Weight: 350 g (12.3 oz); Fit: Regular

Scree Climbing Pants | MW | 99 | ochre slate charcoal | climbing
Tough, stretchy canvas pants built for the crag and the bouldering gym, with a gusseted crotch
for high steps and cuffs that cinch up out of the way.
+ stretch cotton canvas; gusseted crotch; drawcord cuffs
+ chalk-bag loop and brush pocket
= Material: 98% organic cotton, 2% elastane canvas; Weight: 450 g (15.9 oz); Fit: Relaxed

Cedar Grid Fleece Joggers | MW | 69 | heather navy | 
Soft, stretchy fleece joggers for the hut, the van and the sofa after a big day out.
+ grid-back fleece; zippered hand pockets; elastic cuffs
= Material: 100% recycled polyester grid fleece; Weight: 310 g (10.9 oz); Fit: Relaxed

Switchback Running Tights | MW | 69 | black | running
Full-length running tights with a brushed inside for cold-weather runs. Reflective details keep
you visible on dark winter mornings.
+ brushed inner face; zippered back pocket; reflective ankles
= Material: 78% recycled polyester, 22% elastane; Fit: Next to skin

Trailhead Hiking Leggings | W | 79 | black plum forest | 
Durable, squat-proof leggings for hiking, with phone-sized thigh pockets and a high waistband
that sits comfortably under a hip belt.
+ abrasion-resistant knit; two thigh pockets; high waistband
= Material: 76% recycled nylon, 24% elastane; Fit: Next to skin

Traverse Hiking Skort | W | 65 | stone black | 
A breezy hiking skort with built-in shorts, for hot trails and summer travel.
+ built-in liner shorts with thigh pockets; stretch waistband
= Material: 90% recycled nylon, 10% elastane; UPF: 50; Fit: Regular

Ember Insulated Pants | U | 149 | black | winter #synthetic #animal-free
Puffy synthetic pants for winter camping, ice fishing and long belays. Full side zips let you
pull them on over boots.
+ full-length side zips; elastic waist with drawcord
= Material: recycled nylon, 100 g/m² recycled polyester insulation; Weight: 480 g (1 lb 1 oz)
= Fill: synthetic, 100 g/m²; Fit: Relaxed

Northkin Canvas Work Pants | MW | 119 | bark stone | vendor:Northkin
Heavy-duty organic cotton canvas pants from Northkin, with double knees, a hammer loop and a
relaxed fit that leaves room for layers.
+ double-layer knees; hammer loop; reinforced pocket edges
= Material: 12 oz organic cotton canvas; Fit: Relaxed

Kids' Puddle Rain Pants | K | 45 | navy sun | rain
Waterproof pants that go over school trousers or snow clothes in seconds, with elastic foot
straps that keep them in place in the puddles.
+ elastic foot straps; reflective trim; elastic waist
= Material: 2-layer recycled polyester with PFAS-free DWR; Waterproof rating: 10,000 mm

## Shorts
Traverse Hiking Shorts | MW | 59 | stone olive sand | 
Stretchy, quick-drying hiking shorts with an integrated belt and a zippered thigh pocket. The
7-inch inseam (5 in for women) stays put on the climb.
+ integrated stretch belt; zippered thigh pocket; gusseted crotch
= Material: 90% recycled nylon, 10% elastane; Inseam: 7 in men's, 5 in women's; Fit: Regular

Switchback Running Shorts | MW | 45 | black ember sky | running
Lightweight running shorts with a brief liner and a back pocket that holds a phone without
bouncing.
+ built-in brief liner; zippered back pocket; side splits
= Material: 100% recycled polyester; Inseam: 5 in men's, 3 in women's; Fit: Regular

Scree Climbing Shorts | MW | 65 | ochre slate | climbing
Stretch canvas shorts for summer bouldering and crag days.
+ stretch cotton canvas; gusseted crotch; chalk-bag loop
= Material: 98% organic cotton, 2% elastane; Fit: Relaxed

Riverbend Hybrid Shorts | MW | 55 | teal navy sand | new
Quick-drying shorts that go from the trail into the river and back out again. Mesh-lined, with
a drain hole in each pocket.
+ mesh liner; drain holes in pockets; elastic waist with drawcord
= Material: 100% recycled polyester; Fit: Regular

## Headwear
Alpenglow Merino Beanie | U | 32 | black ember moss glacier | winter
A simple rib-knit merino beanie that's warm, breathable and itch-free. One size fits most.
+ double-layer rib knit; fits under most helmets
= Material: 100% merino wool

Ridgeline Down Trapper Hat | U | 59 | black ochre | winter #down opt:Size=S/M,L/XL
A down-filled trapper hat with fleece-lined ear flaps, for snowshoeing, ice fishing and the
coldest bus stops.
+ 800 fill-power RDS down crown; fleece-lined ear flaps that snap under the chin
= Material: 20D recycled nylon, 800 fill-power RDS goose down

Trailhead Sun Hat | U | 42 | sand stone | opt:Size=S/M,L/XL
A wide-brim UPF 50+ sun hat with a chin cord and a mesh crown that lets heat out. It packs flat
and pops back into shape.
+ 3-inch brim; removable chin cord; breathable mesh crown
= Material: recycled nylon; UPF: 50+

Demo Outfitters Trucker Cap | U | 28 | forest black sand | 
Our mountain-and-rain logo on a classic trucker cap with a mesh back and a snap closure.
+ mesh back; snapback closure
= Material: cotton twill front, polyester mesh back

Cascade Rain Hat | U | 39 | slate black | rain opt:Size=S/M,L/XL
A waterproof bucket hat in the same 3-layer fabric as the Cascade shells, for fishing, birding
and rainy walks when a hood blocks your hearing.
+ fully taped 3-layer fabric; adjustable rear band; stowable chin cord
= Material: 3-layer recycled nylon with PFAS-free DWR; Waterproof rating: 20,000 mm

Alpenglow Merino Neck Gaiter | U | 24 | black heather slate | 
A lightweight merino tube that works as a neck gaiter, headband or beanie.
+ seamless tube; can be worn many ways
= Material: 100% merino wool, 150 g/m²

Alpenglow Merino Headband | U | 22 | black ember | running
A soft merino headband that keeps ears warm on cold runs and hikes.
+ double-layer merino over the ears
= Material: 100% merino wool

Timberline Softshell Balaclava | U | 29 | black | winter
A stretchy windproof balaclava for biting wind on ridges and lift rides.
+ windproof softshell front; breathable mesh mouth panel
= Material: recycled polyester softshell with elastane

Switchback Running Cap | U | 26 | black glacier | running
A featherweight running cap that dries quickly and folds into a pocket.
+ perforated panels; soft, foldable brim; reflective logo
= Material: 100% recycled polyester

Tamarack Mills Cable Knit Beanie | U | 36 | heather rust forest | vendor:Tamarack_Mills winter
A chunky cable-knit beanie made in Vermont by Tamarack Mills, with a soft fleece band inside.
+ fleece-lined ear band; fold-up cuff
= Material: 70% wool, 30% nylon, polyester fleece band

Kids' Alpenglow Pom Beanie | K | 22 | coral sky sun | winter
A merino beanie with a bobble on top, for snowy walks and ski school.
+ pom-pom top; soft merino that doesn't itch
= Material: 100% merino wool

## Gloves
Ridgeline Down Mittens | U | 79 | black ember | winter #down opt:Size=S,M,L,XL
Down-filled mittens for the coldest days: winter camping, ice climbing belays and snowshoeing at
dawn.
+ 800 fill-power RDS goose down; leather palms; long gauntlet cuffs with a cinch
= Material: recycled nylon shell, goat leather palm, 800 fill-power RDS goose down

Timberline Softshell Gloves | U | 49 | charcoal olive | opt:Size=S,M,L,XL
Stretch softshell gloves for cool-weather hiking, cycling and scrambling, with touchscreen
fingertips.
+ touchscreen-compatible fingertips; grippy palm print
= Material: recycled polyester softshell with elastane

Alpenglow Merino Liner Gloves | U | 29 | black charcoal | opt:Size=S,M,L,XL
Thin merino gloves to wear on their own on cool mornings or as liners under mittens.
+ touchscreen thumb and finger; stretch cuff
= Material: 90% merino wool, 10% elastane

Cascade Waterproof Shell Mitts | U | 69 | black | rain opt:Size=S/M,L/XL
Waterproof over-mitts to pull on over liner gloves when the rain turns to sleet.
+ 3-layer waterproof shell; taped seams; wrist leashes
= Material: 3-layer recycled nylon with PFAS-free DWR; Waterproof rating: 20,000 mm

Ember Insulated Gloves | MW | 65 | black slate | winter #synthetic
Synthetic-insulated gloves for snowshoeing, winter hiking and walking the dog on icy mornings.
+ synthetic insulation; waterproof insert; goat leather palm
= Material: recycled nylon shell, goat leather palm, recycled polyester insulation

Scree Leather Belay Gloves | U | 45 | bark | climbing opt:Size=S,M,L,XL
Goat leather belay gloves for rappels and long belays, with a clip loop to keep them on your
harness.
+ full goat leather palm; breathable back; clip loop
= Material: goat leather, stretch nylon

Switchback Running Gloves | U | 25 | black | running opt:Size=S,M,L,XL
Light running gloves with touchscreen tips and reflective piping.
+ touchscreen tips; reflective piping; snot wipe on the thumb
= Material: recycled polyester with elastane

Kids' Ember Insulated Mittens | K | 29 | sky coral | winter opt:Size=S,M,L
Warm, waterproof mittens for snowball fights and sledging, with a long cuff that keeps snow out.
+ waterproof insert; long cuff with a cinch; keeper cord
= Material: recycled nylon shell, recycled polyester insulation

## Socks
Alpenglow Merino Hiking Crew Socks | U | 24 | charcoal moss ember | opt:Size=S,M,L,XL
Midweight merino hiking socks with full cushioning underfoot and a seamless toe. Our most popular
socks for boots and long days on the trail.
+ full cushion under the foot; seamless toe; arch band that stops bunching
= Material: 64% merino wool, 33% nylon, 3% elastane

Alpenglow Merino Light Hiker Quarter Socks | U | 20 | heather sky | opt:Size=S,M,L,XL
Light-cushion quarter socks for trail shoes and summer hiking.
+ light cushion; mesh top for ventilation; heel tab
= Material: 58% merino wool, 39% nylon, 3% elastane

Alpenglow Merino Mountaineering Socks | U | 29 | charcoal rust | winter opt:Size=S,M,L,XL
Heavy-cushion over-the-calf socks for stiff mountaineering boots and winter hiking.
+ heavy cushion; padded shin; over-the-calf height
= Material: 70% merino wool, 28% nylon, 2% elastane

Alpenglow Liner Socks (2-pack) | U | 18 | black | opt:Size=S,M,L,XL
Thin liner socks to wear under hiking socks, to cut friction and help prevent blisters.
+ thin, smooth knit; two pairs
= Material: 55% merino wool, 42% nylon, 3% elastane

Switchback No-Show Running Socks (3-pack) | U | 28 | black glacier | running opt:Size=S,M,L,XL
Light no-show running socks with a heel tab that stops them slipping into your shoes.
+ heel tab; mesh top; three pairs
= Material: 75% recycled polyester, 22% nylon, 3% elastane

Switchback Merino Running Socks | U | 19 | ember slate | running opt:Size=S,M,L,XL
Ankle-height merino running socks for trail races and muddy winter runs.
+ targeted cushion; anatomical left and right fit
= Material: 55% merino wool, 42% nylon, 3% elastane

Tamarack Mills Cabin Socks | U | 26 | heather rust | vendor:Tamarack_Mills opt:Size=M,L
Thick, soft wool socks for the cabin, the tent and cold floors. A cosy gift for campers.
+ extra-thick terry loop; non-slip dots on the sole
= Material: 80% wool, 18% nylon, 2% elastane

Tamarack Mills Everyday Boot Socks | U | 22 | olive navy | vendor:Tamarack_Mills opt:Size=M,L
Everyday wool boot socks made in Vermont, for work boots and hiking boots.
+ medium cushion; reinforced heel and toe
= Material: 65% wool, 33% nylon, 2% elastane

Kids' Alpenglow Hiking Socks (2-pack) | K | 22 | coral sky | opt:Size=S,M,L
Cushioned merino hiking socks in kids' sizes, two pairs per pack.
+ full cushion; seamless toe; two pairs
= Material: 60% merino wool, 37% nylon, 3% elastane

## Boots
Basalt Mid WP Hiking Boot | MW | 189 | bark charcoal slate | flagship wide half spec
Our waterproof mid-height hiking boot, with a nubuck leather upper over a waterproof membrane and
a grippy lugged outsole. Runs about half a size small, so order half a size up.
+ waterproof, breathable membrane under a nubuck leather upper; 4 mm lugs
+ wide fit in men's US 8–13 (2E) and women's US 6–10 (D); resoleable by our Mend Shop
= Material: nubuck leather, waterproof membrane, rubber outsole
= Weight: 1.2 kg (2 lb 10 oz) per pair, men's 9; Waterproof rating: waterproof membrane
= Fit: runs half a size small

Talus Backpacking Boot | MW | 269 | bark black | half
A full-grain leather boot for heavy loads and rough, off-trail terrain. Stiff enough to support
a fully loaded pack and comfortable enough for a week on the trail.
+ full-grain leather upper; waterproof membrane; high-traction rubber outsole
+ nylon shank for support under heavy loads
= Material: full-grain leather, waterproof membrane; Weight: 1.6 kg (3 lb 8 oz) per pair
= Waterproof rating: waterproof membrane

Snowline Insulated Winter Boot | MW | 219 | black bark | winter
An insulated waterproof boot for snow, slush and winter hikes, rated to about -25°F (-32°C)
when you keep moving.
+ 200 g synthetic insulation; waterproof leather and textile upper
+ winter rubber outsole that stays grippy in the cold; gaiter ring
= Material: waterproof leather and textile, 200 g synthetic insulation
= Waterproof rating: waterproof membrane; Temperature rating: -25°F (-32°C) active

Basalt Mid WP Hiking Boot - 2025 Colours | M | 189 | olive | outlet:40 half
Last season's colour of our waterproof Basalt Mid, at Outlet prices. Same nubuck leather and
waterproof membrane, same half-size-up sizing advice.
+ waterproof, breathable membrane under a nubuck leather upper; 4 mm lugs
= Material: nubuck leather, waterproof membrane, rubber outsole
= Waterproof rating: waterproof membrane; Fit: runs half a size small

Kids' Basalt Mid WP Boot | K | 89 | slate coral | 
A waterproof kids' hiking boot with the Basalt's grippy sole and a quick-lace system small
hands can manage.
+ waterproof membrane; quick-lace with a toggle; rubber toe bumper
= Material: synthetic leather and mesh, waterproof membrane; Waterproof rating: waterproof membrane

Ridgeline Down Booties | U | 69 | black ember | #down opt:Size=S,M,L,XL
Down-filled camp booties with a tough sole for short walks around camp and to the outhouse.
+ 800 fill-power RDS down; durable foam sole; cinch cord at the ankle
= Material: recycled nylon, 800 fill-power RDS goose down

Kestrel Summit Mountaineering Boot | MW | 429 | orange black | vendor:Kestrel_Footwear winter
A stiff, insulated mountaineering boot from Kestrel Footwear with a full-length shank and welts
for step-in crampons. For glaciers, winter ascents and volcanoes like Mount Hood and Rainier.
+ compatible with step-in crampons; integrated gaiter; insulated
= Material: synthetic upper with integrated gaiter, waterproof membrane
= Weight: 2.0 kg (4 lb 6 oz) per pair; Waterproof rating: waterproof membrane

## Trail shoes
Switchback Trail Running Shoe | MW | 129 | ember slate black glacier | flagship half running
A light, grippy trail runner with a mesh upper that drains and dries fast. No membrane, by
design, so wet feet dry on the move. True to size, with a roomy toe box.
+ breathable mesh upper with no membrane; 5 mm lugs; rock plate
+ roomy toe box; standard width only
= Material: recycled polyester mesh, EVA midsole, rubber outsole
= Weight: 290 g (10.2 oz) per shoe, men's 9; Drop: 6 mm; Fit: True to size

Fernrun Cushioned Trail Runner | MW | 139 | sky black coral | new half running
Max-cushion trail shoes for long runs and ultramarathons, with a rocker that keeps you rolling
forward when your legs are tired.
+ supercritical foam midsole; rocker geometry; 4 mm lugs
= Material: engineered mesh, supercritical EVA foam, rubber outsole
= Weight: 305 g (10.8 oz) per shoe, men's 9; Drop: 5 mm

Mistral Road-to-Trail Running Shoe | MW | 99 | ember black glacier | running
A versatile, affordable runner that handles pavement, gravel paths and groomed trails.
+ light mesh upper; medium cushion; low-profile lugs
= Material: recycled mesh, EVA midsole, rubber outsole; Weight: 270 g (9.5 oz) per shoe, men's 9

Basalt Low WP Hiking Shoe | MW | 159 | bark charcoal | half
The Basalt's waterproof, grippy platform in a low-cut hiking shoe for day hikes and travel.
+ waterproof membrane; nubuck and mesh upper; 4 mm lugs
= Material: nubuck leather and mesh, waterproof membrane; Waterproof rating: waterproof membrane

Scree Approach Shoe | MW | 149 | ochre charcoal | climbing
Sticky rubber, a climbing zone at the toe and a durable suede upper, for approaches, scrambles
and easy fifth-class rock.
+ sticky rubber outsole with a climbing zone; suede upper; heel clip loop
= Material: suede leather, sticky rubber outsole; Weight: 390 g (13.8 oz) per shoe

Kestrel Vert Trail Racer | MW | 169 | sun black | vendor:Kestrel_Footwear running
A light, firm and fast trail racer from Kestrel Footwear for steep mountain races.
+ 6 mm lugs; snug race fit; drainage ports
= Material: racing mesh, EVA midsole, rubber outsole; Weight: 240 g (8.5 oz) per shoe

Kids' Switchback Trail Shoe | K | 65 | sky coral ember | 
The Switchback for kids, with a hook-and-loop closure and a tough toe bumper for scrambling.
+ hook-and-loop closure; toe bumper; grippy lugs
= Material: recycled mesh, rubber outsole

## Sandals
Riverbend Sport Sandal | MW | 79 | black olive | 
An adjustable sport sandal for river days, camp and hot-weather hiking.
+ three adjustment points; grippy rubber sole; quick-drying straps
= Material: recycled polyester webbing, EVA footbed, rubber outsole

Riverbend Water Shoe | MW | 89 | teal black | new
A closed-toe water shoe that drains fast and grips wet rock, for canyoning, paddling and river
crossings.
+ drainage ports; sticky rubber outsole; quick-lace
= Material: recycled mesh, rubber outsole

Basecamp Camp Slide | U | 35 | black forest | opt:Size=M7/W9,M8/W10,M9/W11,M10/W12,M11,M12,M13
A cushioned slide for after the hike, around camp and to the showers.
+ soft foam footbed; one-piece design; floats
= Material: EVA foam

## Backpack
Ridgeback 45 | U | 229 | slate moss | flagship spec opt:Size=S,M,L
A 45-litre pack for weekend backpacking and hut-to-hut trips. The harness adjusts by up to 1.5 in
(4 cm) within each size, and the hip belt swaps between S/M and L/XL.
+ adjustable harness and interchangeable hip belt; stretch-mesh front pocket; hydration sleeve
+ top lid with two zippered pockets; rain cover sold separately
= Material: 210D recycled nylon ripstop; Capacity: 45 L; Weight: 1.45 kg (3 lb 3 oz), size M
= Torso length: S 15–17 in, M 17–19.5 in, L 19.5–22 in

Ridgeback 55 | U | 259 | moss ember | new opt:Size=S,M,L
The newest Ridgeback, sized between the 45 and the 65 for longer trips with lighter gear.
+ adjustable harness; interchangeable hip belt; big side pockets that fit a 1-litre bottle
= Material: 210D recycled nylon ripstop; Capacity: 55 L; Weight: 1.6 kg (3 lb 8 oz), size M

Ridgeback 65 | U | 299 | slate ember | flagship spec opt:Size=S,M,L
Our big-load backpacking pack, for week-long trips, winter overnights and carrying the group's
tent. A sturdy frame and padded hip belt carry heavy loads comfortably.
+ adjustable harness and interchangeable hip belt; front U-zip for easy access
+ sleeping-bag compartment; ice-axe loops and trekking-pole holders
= Material: 210D recycled nylon ripstop; Capacity: 65 L; Weight: 1.95 kg (4 lb 5 oz), size M

Daybreak 22 | U | 109 | slate moss ember black | flagship
Our everyday daypack: big enough for a shell, lunch and a first-aid kit, small enough for the
office. One size fits torso lengths from 16 to 21 in.
+ ventilated back panel; hip belt with a zippered pocket; hydration sleeve
= Material: 210D recycled nylon; Capacity: 22 L; Weight: 780 g (1 lb 11.5 oz)

Daybreak 30 | U | 129 | moss black | 
The bigger Daybreak, for long day hikes with extra layers, family picnics and winter day trips.
+ ventilated back panel; removable hip belt; rain cover included
= Material: 210D recycled nylon; Capacity: 30 L; Weight: 950 g (2 lb 1.5 oz)

Daybreak 16 | U | 89 | sky black sun | 
A compact daypack for short hikes, city days and kids' backpacks.
+ padded laptop sleeve; side bottle pockets
= Material: 210D recycled nylon; Capacity: 16 L; Weight: 520 g (1 lb 2 oz)

Skyline 40 Ultralight Pack | U | 249 | glacier black | #ultralight opt:Size=S,M,L
A frameless-feeling 40-litre pack for fast-and-light backpacking and thru-hikes, made from a
waterproof composite fabric.
+ removable frame sheet; roll-top closure; big stretch-mesh front pocket
= Material: waterproof UHMWPE composite fabric; Capacity: 40 L; Weight: 820 g (1 lb 13 oz)

Scree 35 Alpine Pack | U | 179 | ember black | climbing
A streamlined alpine pack for climbing and mountaineering, with rope strap, ice-tool attachments
and a removable hip belt.
+ rope strap; ice-tool and crampon attachments; removable lid and hip belt
= Material: 420D nylon with a waterproof coating; Capacity: 35 L; Weight: 1.1 kg (2 lb 7 oz)

Ridgeback 80 Expedition Pack | U | 349 | ember | opt:Size=M,L
An expedition pack for winter camping, basecamp trips and long trails with long resupplies.
+ aluminium frame; sleeping-bag compartment; removable lid converts to a summit pack
= Material: 420D recycled nylon; Capacity: 80 L; Weight: 2.4 kg (5 lb 5 oz)

Trailrunner 12 Hydration Vest | U | 129 | black glacier | running opt:Size=S/M,L/XL
A running vest for long trail runs and ultras, with two soft flasks up front.
+ two 500 ml soft flasks included; stretch pockets; pole holders
= Material: recycled polyester mesh; Capacity: 12 L; Weight: 280 g (9.9 oz)

Trailrunner 5 Running Vest | U | 89 | sky black | running opt:Size=S/M,L/XL
A minimal running vest for shorter runs, with room for a jacket, keys and two flasks.
+ two 500 ml soft flasks included; phone pocket
= Material: recycled polyester mesh; Capacity: 5 L; Weight: 180 g (6.3 oz)

Alder 26 Everyday Pack | U | 99 | charcoal navy olive | travel
A tidy everyday pack for commuting and travel, with a padded laptop sleeve and a water-resistant
finish.
+ padded 16-inch laptop sleeve; clamshell opening; luggage pass-through
= Material: recycled polyester with PFAS-free DWR; Capacity: 26 L

Kids' Cub 18 Daypack | K | 55 | sun sky coral | 
A daypack sized for kids aged 6 to 12, with a chest strap, a whistle and a reflective patch.
+ chest strap with whistle; side bottle pockets; reflective patch
= Material: recycled polyester; Capacity: 18 L; Weight: 420 g (14.8 oz)

## Bag
Basecamp Duffel | U | 119 | black ochre | travel opt:Capacity=40_L,70_L+20,100_L+40
A rugged, weather-resistant duffel for road trips, expeditions and hauling climbing gear. Stows
into its own end pocket.
+ backpack straps; lockable zips; end pocket for shoes
= Material: TPU-laminated recycled polyester

Riverbend Dry Bag | U | 19 | sun slate black | opt:Capacity=5_L,10_L+5,20_L+10
A roll-top dry bag for kayaking, packrafting and keeping your sleeping bag dry in the pack.
+ roll-top closure; welded seams; D-ring
= Material: TPU-coated recycled nylon; Waterproof rating: submersible for a short time

Switchback Hip Pack | U | 45 | black ember moss | running
A 3-litre hip pack for short hikes, dog walks and festivals.
+ bottle holster; zippered mesh pocket; adjustable strap
= Material: recycled nylon; Capacity: 3 L

Ultralight Stuff Sack Set | U | 29 | - | #ultralight
Three colour-coded stuff sacks (3, 6 and 9 L) for organising clothes, food and kit.
+ three sizes; drawcord closure
= Material: 30D siliconised nylon

Compression Stuff Sack | U | 25 | - | opt:Capacity=10_L,15_L+4,20_L+7
A compression sack with four straps to shrink a sleeping bag or puffy down to size in your pack.
+ four compression straps; water-resistant base
= Material: 70D recycled nylon

Packing Cube Set | U | 35 | slate black | travel
Three zip packing cubes in graduated sizes that keep a travel bag tidy.
+ three sizes; mesh tops
= Material: recycled polyester ripstop

## Tent
Lupine 2 Backpacking Tent | U | 399 | - | flagship spec #ultralight
A two-person, three-season backpacking tent with two doors, two vestibules and a trail weight of
3 lb 6 oz (1.53 kg). Packed weight is 3 lb 14 oz (1.76 kg) with stakes and stuff sacks.
+ freestanding hubbed pole frame; two doors and two vestibules
+ footprint sold separately ($39)
= Material: 20D nylon ripstop fly, mesh inner, aluminium poles; Capacity: 2 people
= Weight: 1.53 kg (3 lb 6 oz) trail, 1.76 kg (3 lb 14 oz) packed; Seasons: 3

Lupine 3 Backpacking Tent | U | 479 | - | flagship spec
The three-person Lupine: more room for two with a dog, or three friends who don't mind being
close. Two doors, two big vestibules.
+ freestanding pole frame; two doors and vestibules; footprint sold separately ($45)
= Material: 20D nylon ripstop fly, mesh inner, aluminium poles; Capacity: 3 people
= Weight: 2.05 kg (4 lb 8 oz) trail; Seasons: 3

Lupine 1 Backpacking Tent | U | 329 | - | #ultralight
A one-person version of the Lupine for solo trips, with a single door and a roomy vestibule.
+ freestanding pole frame; one door and a vestibule
= Material: 20D nylon ripstop fly, mesh inner, aluminium poles; Capacity: 1 person
= Weight: 1.18 kg (2 lb 10 oz) trail; Seasons: 3

Lupine 2 UL Backpacking Tent | U | 549 | - | draft #ultralight
Prototype of an ultralight Lupine 2 in a composite fabric. Not yet for sale.
+ semi-freestanding pole frame
= Capacity: 2 people; Weight: 0.98 kg (2 lb 2.5 oz) trail

Skyline 1 Trekking Pole Tent | U | 289 | - | #ultralight
A single-wall shelter that pitches with your trekking poles, for thru-hikers counting every gram.
+ pitches with two trekking poles; single wall with a large mesh door
= Material: waterproof UHMWPE composite fabric; Capacity: 1 person; Weight: 620 g (1 lb 6 oz)

Skyline 2 Trekking Pole Tent | U | 369 | - | new #ultralight
The two-person Skyline, weighing less than a kilo. Pitches with two trekking poles.
+ pitches with trekking poles; two doors; single wall
= Material: waterproof UHMWPE composite fabric; Capacity: 2 people; Weight: 890 g (1 lb 15 oz)

Basecamp 4 Family Tent | U | 479 | - | 
A tall, roomy four-person tent for car camping and family trips, with a porch for muddy boots.
+ stand-up height; big front porch; two doors
= Material: 75D polyester fly, polyester floor, aluminium poles; Capacity: 4 people
= Weight: 7.4 kg (16 lb 5 oz); Seasons: 3

Basecamp 6 Family Tent | U | 599 | - | flagship spec
A six-person car-camping tent with two rooms, a removable divider and standing room throughout.
Built for family trips and group camps.
+ two rooms with a removable divider; standing height 6 ft 4 in; two large doors
+ gear lofts and lantern hooks
= Material: 75D polyester fly, polyester floor, aluminium poles; Capacity: 6 people
= Weight: 10.2 kg (22 lb 8 oz); Seasons: 3

Highpass 2 Four-Season Tent | U | 699 | - | spec winter
A bombproof two-person tent for winter camping, high camps and storms above treeline.
+ four-season dome with crossing poles; snow flaps; vestibule with a cook area
= Material: 40D nylon fly, aluminium poles; Capacity: 2 people; Weight: 3.1 kg (6 lb 13 oz)
= Seasons: 4

Canopy Camp Tarp | U | 89 | - | opt:Size=10_x_10_ft,12_x_12_ft+20
A sturdy tarp for rain shelter over the camp kitchen, a picnic table or a hammock.
+ reinforced tie-outs; guylines included
= Material: 40D siliconised polyester; Waterproof rating: 3,000 mm

## Sleeping bag
Firn 15 Down Sleeping Bag | U | 429 | - | flagship spec winter #down opt:Length=Regular,Long+30
A three-season-plus mummy bag filled with 800 fill-power RDS-certified goose down. Comfort 25°F
(-4°C), limit 15°F (-9°C), tested to ISO 23537.
+ draft collar and hood; anti-snag zip; large cotton storage sack and compression stuff sack
+ Regular fits people up to 6 ft (183 cm), Long up to 6 ft 6 in (198 cm)
= Material: 20D recycled nylon, 800 fill-power RDS goose down; Weight: 990 g (2 lb 3 oz), Regular
= Temperature rating: comfort 25°F (-4°C), limit 15°F (-9°C); Shoulder girth: 62 in (157 cm)

Firn 30 Synthetic Sleeping Bag | U | 199 | - | flagship #animal-free opt:Length=Regular,Long+20
An animal-free synthetic mummy bag for three-season camping, with a limit rating of 30°F (-1°C).
It stays warm in damp weather and dries quickly.
+ synthetic insulation that keeps its warmth when damp; draft tube along the zip
+ Regular fits up to 6 ft (183 cm), Long up to 6 ft 6 in (198 cm)
= Material: recycled nylon, recycled polyester insulation; Weight: 1.35 kg (2 lb 15.6 oz), Regular
= Temperature rating: limit 30°F (-1°C)

Firn 0 Down Sleeping Bag | U | 579 | - | spec winter #down opt:Length=Regular,Long+40
Our winter down bag for snow camping and high-altitude trips, with a limit rating of 0°F
(-18°C).
+ 800 fill-power RDS goose down; oversized draft collar; water-resistant foot box
= Material: 20D recycled nylon, 800 fill-power RDS goose down; Weight: 1.5 kg (3 lb 5 oz), Regular
= Temperature rating: comfort 12°F (-11°C), limit 0°F (-18°C)

Firn 5 Expedition Down Bag | U | 689 | - | draft winter #down
Pre-production expedition bag. Not yet for sale.
+ 900 fill-power RDS goose down
= Temperature rating: limit -5°F (-21°C)

Firn 20 Women's Down Sleeping Bag | W | 449 | - | #down opt:Length=Regular,Long+30
A women's-specific down bag with extra insulation in the foot box and torso, cut shorter and
wider at the hips. Comfort 28°F (-2°C).
+ extra down in the foot box; shaped for women's hips and shoulders
= Material: 20D recycled nylon, 800 fill-power RDS goose down; Weight: 960 g (2 lb 2 oz)
= Temperature rating: comfort 28°F (-2°C), limit 18°F (-8°C)

Firn 40 Down Quilt | U | 279 | - | #down #ultralight opt:Length=Regular,Long+25
A backless down quilt for ultralight backpacking in summer, when a full bag is too much.
+ pad straps; closeable foot box; 800 fill-power RDS goose down
= Material: 10D nylon, 800 fill-power RDS goose down; Weight: 560 g (1 lb 4 oz)
= Temperature rating: limit 40°F (4°C)

Firn 50 Synthetic Summer Bag | U | 119 | - | sale:25 #synthetic
A light synthetic bag for summer nights, hut trips and sleepovers. Unzips fully to use as a
blanket.
+ full-length zip; packs into its own stuff sack
= Material: recycled nylon, recycled polyester insulation; Weight: 900 g (2 lb)
= Temperature rating: limit 50°F (10°C)

Firn Sleeping Bag Liner | U | 39 | - | opt:Material=Recycled_polyester,Merino=79
A sleeping bag liner that keeps your bag clean and adds a few degrees of warmth. Choose recycled
polyester, or merino for extra warmth and odour resistance.
+ mummy shape with a hood opening; stuff sack included
= Temperature rating: adds about 5–8°F (3–4°C)

Kids' Firn 35 Synthetic Sleeping Bag | K | 89 | - | 
A synthetic sleeping bag for kids up to 5 ft (152 cm), for sleepovers and summer camp.
+ fits kids up to 5 ft; draft tube; stuff sack
= Material: recycled polyester; Temperature rating: limit 35°F (2°C)

Basecamp Double Sleeping Bag | U | 249 | - | 
A roomy two-person rectangular bag for car camping and cabin trips. Unzips into two quilts.
+ two separate zips; pillow pockets; flannel-lined
= Material: polyester shell, cotton flannel lining; Temperature rating: limit 30°F (-1°C)

## Sleeping pad
Drift Air Pad | U | 139 | - | opt:Size=Regular,Long+20,Long_Wide+40
A light, packable insulated air pad for three-season backpacking, with an R-value of 4.2.
+ R-value 4.2; pump sack included; quiet baffles
= Material: 30D recycled nylon; Weight: 480 g (1 lb 1 oz), Regular; R-value: 4.2

Drift Winter Air Pad | U | 199 | - | winter opt:Size=Regular,Long+20
A warm insulated air pad for winter camping on snow, with an R-value of 7.0.
+ R-value 7.0; reflective layers; pump sack included
= Material: 40D nylon; Weight: 620 g (1 lb 6 oz), Regular; R-value: 7.0

Basecamp Self-Inflating Mat | U | 119 | - | opt:Size=Regular,XL+30
A thick foam-filled mat for car camping and family trips. Open the valve and it inflates itself.
+ 3 in (7.5 cm) thick; two valves
= Material: polyester with open-cell foam; R-value: 6.0

Trail Foam Pad | U | 45 | - | 
A closed-cell foam pad that can't puncture. Use it under an air pad in winter or on its own.
+ folds flat; can't puncture
= Material: closed-cell foam; Weight: 410 g (14.5 oz); R-value: 2.0

## Trekking poles
Summit Carbon Trekking Poles | U | 149 | - | flagship opt:Length=100–130_cm,110–140_cm
Light, stiff carbon poles with cork grips and lever locks that stay put. Sold as a pair.
+ lever locks; cork grips; carbide tips
+ trekking and snow baskets included
= Material: carbon fibre, cork grips; Weight: 470 g (1 lb 0.6 oz) per pair

Summit Carbon Z Folding Poles | U | 169 | - | running opt:Length=110_cm,120_cm,130_cm
Folding carbon poles that collapse into three sections for trail running and fastpacking.
+ fold into 3 sections; foam grips
= Material: carbon fibre; Weight: 290 g (10.2 oz) per pair

Summit Aluminium Trekking Poles | U | 79 | - | 
Durable aluminium trekking poles with lever locks and foam grips, for day hikes and backpacking.
+ lever locks; foam grips
= Material: aluminium, foam grips; Weight: 540 g (1 lb 3 oz) per pair

Summit Aluminium Compact Poles | U | 75 | - | sale:30
A shorter aluminium pole for smaller hikers, adjustable from 95 to 120 cm.
+ lever locks; foam grips
= Material: aluminium; Weight: 500 g (1 lb 1.6 oz) per pair

Summit Carbon Pro Poles | U | 199 | - | draft
Pre-production carbon poles. Not yet for sale.
+ three-section carbon
= Material: carbon fibre

## Camp kitchen
Hearthstone Micro Canister Stove | U | 59 | - | vendor:Hearthstone_Camp_Co. #ultralight
A tiny, fast canister stove from Hearthstone Camp Co. that boils a litre in about 3.5 minutes.
+ piezo igniter; folding pot supports
= Material: aluminium and stainless steel; Weight: 83 g (2.9 oz)

Hearthstone Flash 1L Stove System | U | 129 | - | vendor:Hearthstone_Camp_Co.
An all-in-one stove and pot from Hearthstone Camp Co. with a heat exchanger for fast, efficient
boils.
+ 1-litre insulated pot; heat exchanger; push-button ignition
= Material: aluminium; Capacity: 1 L; Weight: 370 g (13 oz)

Isobutane Fuel Canister | U | 9 | - | vendor:Hearthstone_Camp_Co. hazmat opt:Size=230_g,450_g+4
Isobutane-propane fuel for canister stoves. Ships only by UPS Ground to street addresses in the
contiguous US, and can't be returned.
= Fuel: isobutane-propane blend

Titanium Cook Pot 750 ml | U | 45 | - | #ultralight
A light titanium pot with a lid and folding handles.
+ fits a small fuel canister and stove inside
= Material: titanium; Capacity: 750 ml; Weight: 105 g (3.7 oz)

Basecamp Nonstick Cookset | U | 69 | - | 
A nesting two-pot set with a pan and a strainer lid, for car camping and family trips.
+ two pots, a frying pan and a strainer lid
= Material: hard-anodised aluminium with a nonstick coating

Hearthstone Two-Burner Camp Stove | U | 149 | - | vendor:Hearthstone_Camp_Co.
A two-burner propane camp stove with wind screens for cooking for a crowd.
+ two 10,000 BTU burners; wind screens; push-button ignition
= Material: steel and aluminium

Titanium Long Spork | U | 12 | - | #ultralight
A long titanium spork that reaches the bottom of freeze-dried meal pouches.
= Material: titanium; Weight: 18 g (0.6 oz)

Insulated Camp Mug | U | 24 | moss ember glacier | 
A double-wall stainless mug that keeps coffee hot on chilly mornings. With a slide lid.
+ double-wall vacuum insulation; slide lid
= Material: stainless steel; Capacity: 12 oz (350 ml)

Clearstream Squeeze Water Filter | U | 39 | - | vendor:Clearstream
A compact squeeze filter that removes bacteria and protozoa.
+ 0.1 micron hollow-fibre filter; squeeze pouch included
= Material: hollow-fibre membrane; Weight: 85 g (3 oz)

Clearstream Gravity Filter 4 L | U | 99 | - | vendor:Clearstream
A gravity filter for groups: fill the bag, hang it and let it filter while you set up camp.
+ 4-litre reservoir; 0.1 micron filter
= Capacity: 4 L

Bear-Resistant Food Canister | U | 89 | - | 
A hard-sided food canister that meets the requirements of many US parks.
+ tool-free lid; holds about 5 days of food
= Material: polycarbonate; Capacity: 11.5 L; Weight: 1.2 kg (2 lb 9 oz)

Enamel Camp Plate Set | U | 32 | glacier slate | 
Four enamel plates with a speckled finish for campsite dinners.
+ set of four
= Material: enamel-coated steel

Pour-Over Coffee Dripper | U | 18 | - | 
A collapsible silicone pour-over dripper for good coffee at camp.
+ collapses flat
= Material: silicone

Basecamp 45 Hard Cooler | U | 279 | glacier sand | 
A rotomoulded cooler that keeps ice for days on road trips and river trips.
+ rotomoulded body; bear-resistant latches
= Material: rotomoulded polyethylene; Capacity: 45 qt (42.6 L)

Backcountry Pantry Three-Bean Chili | U | 12 | - | vendor:Backcountry_Pantry
A freeze-dried vegan chili meal for two. Add boiling water, wait 10 minutes.
= Weight: 160 g (5.6 oz)

Backcountry Pantry Oat & Berry Breakfast | U | 9 | - | vendor:Backcountry_Pantry
A freeze-dried oatmeal breakfast with berries and maple.
= Weight: 110 g (3.9 oz)

Camp Cutlery Set | U | 19 | - | 
A fork, knife and spoon set in a roll-up case.
= Material: stainless steel

Collapsible Water Carrier 10 L | U | 19 | - | 
A 10-litre water carrier that folds flat when empty.
= Material: BPA-free polyethylene; Capacity: 10 L

## Lighting
Lumen Ridge 400 Headlamp | U | 45 | black sun | vendor:Lumen_Ridge
A 400-lumen headlamp from Lumen Ridge that runs on three AAA batteries, with a red night mode.
+ 400 lumens; red night mode; IPX4 water resistant
= Weight: 86 g (3 oz) with batteries; Waterproof rating: IPX4

Lumen Ridge 800R Rechargeable Headlamp | U | 79 | black | vendor:Lumen_Ridge spec
A rechargeable 800-lumen headlamp from Lumen Ridge with USB-C charging and a lock mode.
+ 800 lumens; USB-C rechargeable; lock mode for your pack
= Weight: 98 g (3.5 oz); Waterproof rating: IPX7

Lumen Ridge 1200R Running Headlamp | U | 99 | black | vendor:Lumen_Ridge running
A bright, bounce-free headlamp for night trail runs, with a rear-mounted battery.
+ 1200 lumens; rear battery; reactive lighting
= Weight: 140 g (4.9 oz); Waterproof rating: IPX4

Lumen Ridge Kids' Headlamp | K | 22 | coral sky | vendor:Lumen_Ridge
A simple kids' headlamp with one button and a soft strap.
+ 100 lumens; one-button control
= Waterproof rating: IPX4

Lumen Ridge Camp Lantern | U | 49 | - | vendor:Lumen_Ridge
A rechargeable lantern that lights up a tent or a picnic table.
+ 300 lumens; USB-C rechargeable; hanging hook
= Waterproof rating: IPX4

Lumen Ridge Power Bank 10,000 mAh | U | 45 | - | vendor:Lumen_Ridge
A rugged power bank for phones and headlamps on multi-day trips.
+ 10,000 mAh; USB-C in and out
= Weight: 190 g (6.7 oz)

Lumen Ridge Solar Panel 15 W | U | 99 | - | vendor:Lumen_Ridge soldout
A folding 15-watt solar panel that charges a phone or power bank at camp.
+ 15 W output; two USB ports; folds to the size of a book
= Weight: 480 g (1 lb 1 oz)

Basecamp String Lights | U | 29 | - | 
Warm white LED string lights for the campsite, the van or the porch.
+ 10 m (33 ft); USB powered
= Length: 10 m (33 ft)

Trailhead Solar Lantern | U | 35 | - | 
A collapsible solar lantern that charges on your pack and packs flat.
+ solar and USB charging; collapses flat
= Waterproof rating: IPX6

## Camp furniture
Basecamp Camp Chair | U | 79 | moss slate | 
A comfy folding chair with a cup holder, for campfires and kids' soccer games.
+ folding frame; cup holder; carry bag
= Material: 600D polyester, steel frame; Weight: 3.9 kg (8 lb 10 oz)

Trail Lite Backpacking Chair | U | 119 | black | #ultralight
A packable chair under a kilo, for backpackers who want a proper seat at camp.
+ aluminium shock-corded frame; packs to the size of a water bottle
= Material: ripstop polyester, aluminium frame; Weight: 930 g (2 lb 1 oz)

Basecamp Roll-Top Table | U | 99 | - | 
A sturdy aluminium roll-top table for cooking and eating at camp.
+ roll-top slats; adjustable height
= Material: aluminium

Drift Camping Hammock | U | 69 | sun forest slate | 
A roomy single hammock with tree straps, for lazy afternoons at the lake.
+ tree straps and carabiners included
= Material: 70D nylon; Weight: 500 g (1 lb 1.6 oz)

Basecamp Camp Cot | U | 169 | - | soldout
A sturdy folding cot that keeps you off the cold ground at base camp.
+ folding aluminium frame; supports 300 lb (136 kg)
= Material: 600D polyester, aluminium

## Accessory
Lupine 1 Footprint | U | 35 | - | 
A custom-fit footprint that protects the Lupine 1 floor from sharp ground.
= Material: 68D polyester

Lupine 2 Footprint | U | 39 | - | 
A custom-fit footprint for the Lupine 2 that protects its floor and can be pitched with the fly
alone for a lighter shelter. Not included with the tent.
= Material: 68D polyester; Weight: 200 g (7 oz)

Lupine 3 Footprint | U | 45 | - | 
A custom-fit footprint for the Lupine 3. Not included with the tent.
= Material: 68D polyester; Weight: 255 g (9 oz)

Basecamp 6 Footprint | U | 69 | - | 
A custom-fit footprint for the Basecamp 6.
= Material: 150D polyester

Skyline 2 Footprint | U | 35 | - | #ultralight
A light footprint for the Skyline 2.
= Material: 30D nylon

Lupine Gear Loft | U | 19 | - | 
A mesh gear loft that clips into the Lupine tents for headlamps and glasses.
= Material: polyester mesh

Ridgeback 45 Rain Cover | U | 32 | - | rain
A waterproof rain cover made for the Ridgeback 45, with an elastic edge and a storage pouch.
= Material: siliconised nylon; Capacity: fits 35–50 L packs

Ridgeback 65 Rain Cover | U | 36 | - | rain
A waterproof rain cover for the Ridgeback 55 and 65.
= Material: siliconised nylon; Capacity: fits 55–75 L packs

Daybreak Rain Cover | U | 25 | - | rain
A waterproof rain cover for the Daybreak 16 and 22.
= Material: siliconised nylon; Capacity: fits 15–25 L packs

Ridgeback Hip Belt | U | 35 | - | opt:Size=S/M,L/XL
Interchangeable hip belt for the Ridgeback 45, 55 and 65. S/M fits hips of 26–40 in; L/XL fits
34–50 in.
= Material: recycled nylon, EVA foam

Aluminium Tent Stakes (8-pack) | U | 16 | - | #ultralight
Eight Y-beam aluminium stakes, at $2 each.
= Material: 7000-series aluminium; Weight: 104 g (3.7 oz) for 8

Summit Pole Tips & Baskets | U | 12 | - | 
Replacement carbide tips and trekking baskets for Summit poles.
= Material: carbide, rubber

Scree Trail Gaiters | U | 35 | black ochre | opt:Size=S/M,L/XL
Low stretch gaiters that keep grit and stones out of trail shoes.
= Material: recycled polyester stretch

Cascade Waterproof Gaiters | U | 59 | black | rain winter opt:Size=S/M,L/XL
Knee-high waterproof gaiters for snow, wet grass and boggy trails.
= Material: 3-layer recycled nylon; Waterproof rating: 20,000 mm

Traction Spikes | U | 69 | - | winter opt:Size=S,M,L
Stainless spikes on an elastomer harness for icy trails and packed snow.
= Material: stainless steel, elastomer

Drift Inflatable Pillow | U | 35 | slate | 
A soft inflatable pillow for backpacking and travel.
= Weight: 80 g (2.8 oz)

Insulated Water Bottle 32 oz | U | 36 | moss ember glacier black | 
A vacuum-insulated stainless bottle that keeps drinks cold for 24 hours.
= Material: stainless steel; Capacity: 32 oz (946 ml)

Hydration Reservoir | U | 35 | - | opt:Capacity=2_L,3_L+4
A hydration bladder with a wide opening and a bite valve.
= Material: TPU; Capacity: 2 or 3 L

Compact First Aid Kit | U | 35 | - | 
A compact first-aid kit for day hikes and weekend trips, for two people.
= Weight: 210 g (7.4 oz)

Emergency Bivy | U | 19 | - | 
A reflective emergency bivy sack for the bottom of your pack.
= Weight: 110 g (3.9 oz)

Bear Spray | U | 49 | - | hazmat
Bear deterrent spray with a holster. Ships only by UPS Ground within the contiguous US, and can't
be returned.
= Capacity: 260 g (9.2 oz)

Backcountry Trowel | U | 19 | - | #ultralight
A light aluminium trowel for digging catholes.
= Material: aluminium; Weight: 17 g (0.6 oz)

Quick-Dry Camp Towel | U | 25 | sky moss | opt:Size=M,L+8
A fast-drying microfibre towel that packs small.
= Material: recycled microfibre

Waterproof Phone Pouch | U | 19 | - | 
A clear waterproof pouch for your phone on the river.
= Waterproof rating: IPX8

Cascade Pack Liner | U | 25 | - | rain opt:Capacity=50_L,70_L+5
A waterproof roll-top liner to keep the inside of your pack dry.
= Material: siliconised nylon

Glacier Sunglasses | U | 89 | black | winter
Category 4 glacier glasses with removable side shields, for snowfields, glaciers and high camps.
= Material: polycarbonate lenses, nylon frame; Lens: category 4

Trail Dog Rain Jacket | U | 49 | ember slate | rain opt:Size=S,M,L
A waterproof jacket for dogs, with a leash port and reflective trim.
= Material: 2-layer recycled polyester; Waterproof rating: 10,000 mm

## Care
Re-Bead DWR Spray 300 ml | U | 16 | - | flagship
A PFAS-free spray-on water repellent that restores beading on shells, softshells and
insulated jackets. One 300 ml can treats two to three jackets.
+ spray on a clean, damp jacket, then tumble dry on low to medium heat
= Capacity: 300 ml

Technical Wash 300 ml | U | 14 | - | 
A cleaner for waterproof shells that removes dirt and oils without leaving residues.
= Capacity: 300 ml

Down Wash 300 ml | U | 15 | - | #down
A gentle cleaner for down jackets and sleeping bags that preserves loft.
= Capacity: 300 ml

Merino Wool Wash 300 ml | U | 12 | - | 
A mild wash for merino base layers and wool socks.
= Capacity: 300 ml

Nubuck Waterproofing Spray | U | 15 | - | 
A water-based waterproofing spray for nubuck and suede boots, such as the Basalt Mid WP.
= Capacity: 250 ml

Boot Cleaning Kit | U | 22 | - | 
A brush, a cleaner and a cloth to keep leather and fabric boots in good shape.
= Contents: brush, boot cleaner and cloth

Seam Sealer 30 ml | U | 9 | - | 
Flexible, clear seam sealer for tents and tarps.
= Capacity: 30 ml

Zipper Lubricant Stick | U | 10 | - | 
A clean, wax-based stick that keeps stiff zippers running smoothly.
= Capacity: 15 g

Gear Repair Patch Kit | U | 10 | - | 
Self-adhesive patches for tears in jackets, tents and sleeping pads.
= Contents: nylon and TPU patches in four sizes

Tent Repair Kit | U | 15 | - | 
A pole splint, patches and spare cord for emergency tent repairs.
= Contents: aluminium pole splint, nylon patches, spare cord

Shell Care Kit | U | 28 | - | 
Technical Wash and Re-Bead DWR Spray together, for washing and reproofing a rain jacket.
= Capacity: 2 x 300 ml

## Gift card
Demo Outfitters Digital Gift Card | U | 25 | - | opt:Amount=$25,$50=50,$100=100,$250=250,$500=500
A digital gift card delivered by email, straight away or on a date you choose. Gift cards never
expire and have no fees.
"""

# Shopper-facing copy pools; one sentence is chosen per product by hash.
USES: dict[str, tuple[str, ...]] = {
    "Jacket": (
        "It earns its place on Pacific Northwest hikes from October to June.",
        "Good for hiking, travel and everyday wear when the forecast can't make up its mind.",
        "Take it backpacking in the shoulder season, or just wear it to walk the dog.",
    ),
    "Vest": ("A vest is the easiest layer to fine-tune your warmth on the move.",),
    "Fleece": (
        "A classic mid layer for hiking, camping and chilly mornings in town.",
        "Wear it under a rain shell on wet hikes, or on its own around camp.",
    ),
    "Base layer": (
        "Wear it next to the skin under a fleece or shell, or on its own on warmer days.",
        "Ideal for multi-day trips, when you want to pack light and stay fresh.",
        "A year-round foundation for hiking, skiing and travel.",
    ),
    "Shirt": (
        "Good on the trail, on the road and in town.",
        "It's the shirt our staff pack for summer hiking trips.",
    ),
    "Pants": (
        "Made for hiking, travel and long days outdoors.",
        "From spring day hikes to fall backpacking trips, they cover a lot of ground.",
    ),
    "Shorts": ("For hot-weather hikes, runs and summer travel.",),
    "Headwear": ("Light enough to live in a jacket pocket all season.",),
    "Gloves": (
        "Good for cold hikes, winter commutes and snowy dog walks.",
        "Keep a pair in your pack from October to April.",
    ),
    "Socks": ("Pair them with hiking boots or trail shoes on long days out.",),
    "Boots": (
        "Built for day hikes, backpacking trips and muddy shoulder-season trails.",
        "A dependable pair for everything from Forest Park loops to the Timberline Trail.",
    ),
    "Trail shoes": (
        "At home on trail runs, fast day hikes and gravel paths.",
        "Good for runners who want grip and comfort on mixed terrain.",
    ),
    "Sandals": ("For river days, camp evenings and summer travel.",),
    "Backpack": (
        "It suits weekend trips, long day hikes and travel.",
        "Our staff carry it on everything from Gorge hikes to the Wonderland Trail.",
    ),
    "Bag": ("Handy for road trips, river days and keeping a pack organised.",),
    "Tent": (
        "Pitch it for backpacking trips, car camping or festival weekends.",
        "A reliable shelter for three-season trips in the mountains and on the coast.",
    ),
    "Sleeping bag": (
        "Pair it with an insulated sleeping pad for the rated warmth.",
        "Good for backpacking, car camping and cabin trips.",
    ),
    "Sleeping pad": ("A good night's sleep makes the next day on the trail much better.",),
    "Trekking poles": (
        "Poles take strain off your knees on long descents and steady river crossings.",
    ),
    "Camp kitchen": (
        "For backpacking trips, car camping and cookouts at the trailhead.",
        "A small upgrade that makes camp meals easier.",
    ),
    "Lighting": ("Keep one in every pack: evenings come early in the shoulder season.",),
    "Camp furniture": ("For car camping, beach days and backyard evenings.",),
    "Accessory": ("A small piece of kit that makes a big difference on the trail.",),
    "Care": ("Looking after your gear keeps it working for years longer.",),
    "Gift card": ("A good choice when you don't know their size or favourite colour.",),
}
MATERIAL_LINES = (
    "Made from {m}.",
    "It's built from {m}.",
    "Materials: {m}.",
    "We make it from {m}.",
)
WEIGHT_LINES = ("It weighs {w}.", "Weight: {w}.")
FEATURE_LEADS = ("Key features:", "Highlights:", "Good to know:", "The details:")
FIT_NOTES = {
    "M": (
        "Cut on our men's pattern, with room across the shoulders.",
        "This is the men's version; our size guide has the chest measurements.",
    ),
    "W": (
        "Cut on our women's pattern, shaped through the waist and hips.",
        "This is the women's version, with a slightly shorter body and narrower shoulders.",
    ),
}
WARRANTY = {
    "Backpack": "Covered by the Demo Outfitters Guarantee for its lifetime.",
    "Sleeping bag": "Covered by our warranty for 5 years.",
    "Tent": "Covered by our warranty for 3 years.",
    "Base layer": "Covered by our warranty for 2 years.",
    "footwear": "Covered by our footwear warranty for 1 year.",
    "accessory": "Covered by our accessories warranty for 1 year.",
    "shell": "Lifetime warranty on construction, and 5 years on the membrane and seam tape.",
    "insulated": "Covered by the Demo Outfitters Guarantee for its lifetime.",
    "partner": "Covered by the manufacturer's warranty; we handle claims for the first 90 days.",
}
CARE = {
    "shell": "Wash it every 10–15 days of use with a technical wash and tumble dry on medium to "
    "revive the finish; when rain stops beading, refresh it with our Re-Bead DWR spray.",
    "down": "Wash down once or twice a season in a front-loading machine with a down wash, "
    "then tumble dry on low with a few tennis balls.",
    "merino": "Machine wash cold, lay flat to dry and never tumble-dry merino.",
    "nubuck": "Treat the nubuck every few months with a water-based waterproofing spray.",
    "Tent": "Never store it wet: dry it within a day to keep mildew away.",
}

# Fictional customer names for demo orders.
FIRST_NAMES = (
    "Maya", "Liam", "Priya", "Noah", "Sofia", "Mateo", "Hana", "Ethan", "Amara", "Lucas", "Chloe",
    "Diego", "Aiko", "Owen", "Zara", "Felix", "Nora", "Kai", "Leila", "Jonah", "Ines", "Tariq",
    "Freya", "Samuel", "Mei", "Oscar", "Ruth", "Arjun", "Elena", "Theo", "Yuki", "Marcus", "Isla",
    "Omar", "Clara", "Rafael", "Greta", "Dev", "Lena", "Tomas",
)  # fmt: skip
LAST_NAMES = (
    "Okafor", "Lindqvist", "Patel", "Nguyen", "Garcia", "Moreau", "Tanaka", "Murphy", "Haddad",
    "Kowalski", "Brennan", "Silva", "Fischer", "Osei", "Larsen", "Romero", "Chen", "Dubois",
    "Walsh", "Nakamura", "Ibrahim", "Novak", "Hughes", "Costa", "Ferreira", "Andersen", "Kim",
    "Rossi", "Byrne", "Mendes", "Adeyemi", "Schmidt", "Reyes", "Hart", "Sato", "Kaur", "Doyle",
    "Varga", "Ahmed", "Price",
)  # fmt: skip
