// Names for the businesses of the synthetic population, in Khmer and English
// as the Ministry of Commerce registers them: a shop named after its owner
// ("Dara Coffee" / ហាងកាហ្វេ ដារ៉ា) or a company with a stem and a trade
// ("Mekong Construction Co., Ltd." / ក្រុមហ៊ុន មេគង្គ សំណង់ ឯ.ក).

/** Khmer, English. */
export type Bilingual = readonly [khmer: string, english: string];

/** What a sole proprietor's shop does: Khmer prefix, English suffix. */
export const SHOP_TRADES: readonly Bilingual[] = [
  ['ហាងលក់ទំនិញ', 'General Store'],
  ['ហាងកាហ្វេ', 'Coffee'],
  ['ហាងជួសជុលម៉ូតូ', 'Motorbike Repair'],
  ['ហាងកាត់ដេរ', 'Tailor'],
  ['ហាងលក់គ្រឿងសំណង់', 'Building Materials'],
  ['ហាងលក់ទូរស័ព្ទ', 'Mobile Phones'],
  ['ភោជនីយដ្ឋាន', 'Restaurant'],
  ['ឱសថស្ថាន', 'Pharmacy'],
  ['ហាងកាត់សក់', 'Hair Salon'],
  ['ហាងលក់មាស', 'Gold Shop'],
  ['ហាងលក់គ្រឿងទេស', 'Spices and Dry Goods'],
  ['រោងម៉ាស៊ីនកិនស្រូវ', 'Rice Mill'],
];

/** The distinctive word of a company name: Khmer, Latin. */
export const COMPANY_STEMS: readonly Bilingual[] = [
  ['អង្គរ', 'Angkor'],
  ['មេគង្គ', 'Mekong'],
  ['សុវណ្ណភូមិ', 'Sovannaphum'],
  ['តេជោ', 'Techo'],
  ['ពន្លឺ', 'Ponleu'],
  ['រស្មី', 'Reaksmey'],
  ['ទន្លេសាប', 'Tonle Sap'],
  ['កម្ពុជា', 'Cambodia'],
  ['សែនសុខ', 'Sen Sok'],
  ['ភ្នំមាស', 'Phnom Meas'],
  ['សុខសាន្ត', 'Sok San'],
  ['ជ័យមង្គល', 'Chey Mongkol'],
];

/** What a company does: Khmer, English. */
export const COMPANY_TRADES: readonly Bilingual[] = [
  ['ពាណិជ្ជកម្ម', 'Trading'],
  ['សំណង់', 'Construction'],
  ['កសិកម្ម', 'Agriculture'],
  ['ដឹកជញ្ជូន', 'Logistics'],
  ['អចលនទ្រព្យ', 'Real Estate'],
  ['បច្ចេកវិទ្យា', 'Technology'],
  ['ទេសចរណ៍', 'Travel'],
  ['នាំចេញនាំចូល', 'Import Export'],
  ['វាយនភណ្ឌ', 'Garment'],
  ['ថាមពល', 'Energy'],
];
