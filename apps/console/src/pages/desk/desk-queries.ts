// The desk's operations: what the agency is granted, a verification of
// claims, and a lookup that asks only for the sections granted for the
// purpose (minimal retrieval: nothing else is asked, so nothing else is read).
import { graphql } from '../../gql';

export const DESK_GRANTS = graphql(`
  query DeskGrants {
    grants {
      id
      purpose
      section
      fields
      validUntil
    }
    purposes {
      code
      title
      legalBasis
    }
  }
`);

export const DESK_VERIFY = graphql(`
  query DeskVerify(
    $nationalId: ID!
    $purpose: String!
    $reference: String
    $claims: CitizenClaims!
  ) {
    verifyCitizen(
      nationalId: $nationalId
      purpose: $purpose
      reference: $reference
      claims: $claims
    ) {
      known
      nationalId
      name
      dateOfBirth
      alive
      idCardNumber
    }
  }
`);

export const DESK_LOOKUP = graphql(`
  query DeskLookup(
    $nationalId: ID!
    $purpose: String!
    $reference: String
    $person: Boolean!
    $address: Boolean!
    $vehicles: Boolean!
    $landTitles: Boolean!
    $businesses: Boolean!
    $taxpayer: Boolean!
    $lifeEvents: Boolean!
  ) {
    citizen(nationalId: $nationalId, purpose: $purpose, reference: $reference) {
      nationalId
      person @include(if: $person) {
        nationalId
        name {
          khmer {
            familyName
            givenName
          }
          latin {
            familyName
            givenName
          }
        }
        sex
        dateOfBirth
        alive
        dateOfDeath
        idCardNumber
        placeOfBirth {
          province {
            khmer
            latin
          }
        }
      }
      address @include(if: $address) {
        houseNumber
        street {
          khmer
          latin
        }
        village {
          khmer
          latin
        }
        commune {
          khmer
          latin
        }
        district {
          khmer
          latin
        }
        province {
          khmer
          latin
        }
        since
      }
      vehicles @include(if: $vehicles) {
        plateNumber
        make
        model
        year
        status
        registrationDate
      }
      landTitles @include(if: $landTitles) {
        titleNumber
        areaSquareMetres
        status
        registrationDate
      }
      businesses @include(if: $businesses) {
        registrationNumber
        name {
          khmer
          english
        }
        legalForm
        status
        registrationDate
      }
      taxpayer @include(if: $taxpayer) {
        tin
        type
        status
        registrationDate
      }
      lifeEvents @include(if: $lifeEvents) {
        eventType
        date
        registeredOn
      }
    }
  }
`);

/** The citizen sections a lookup may ask for, in the order the desk shows them. */
export const SECTIONS = [
  'person',
  'address',
  'vehicles',
  'landTitles',
  'businesses',
  'taxpayer',
  'lifeEvents',
] as const;
export type Section = (typeof SECTIONS)[number];

/** The ministry whose adapter publishes each section. */
export const SOURCE_OF: Record<Section, string> = {
  person: 'interior',
  address: 'interior',
  lifeEvents: 'interior',
  vehicles: 'transport',
  landTitles: 'land',
  businesses: 'commerce',
  taxpayer: 'tax',
};
